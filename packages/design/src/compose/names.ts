// Kubernetes names for Compose things: DNS labels, the selector label, and de-duplication within a scope.

/** The label every generated object carries; selectors match on it, as kompose's io.kompose.service does. */
export const NAME_LABEL = "app.kubernetes.io/name";
export const DEPENDS_ON_ANNOTATION = "meshplane.io/depends-on";

const MAX_LABEL_LENGTH = 63;

/**
 * A Compose name as an RFC 1123 label: lowercase, `_` and other signs become `-`. Empty when nothing is left,
 * which callers report, since `___` has no Kubernetes name.
 */
export function kubernetesName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .slice(0, MAX_LABEL_LENGTH)
    .replace(/^-+|-+$/g, "");
}

/** Names that must differ within one scope (volumes of a pod, ports of a Service, ConfigMaps of a design). */
export class NameScope {
  private readonly taken = new Set<string>();

  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) {
      const suffix = `-${n}`;
      name = `${base.slice(0, MAX_LABEL_LENGTH - suffix.length)}${suffix}`;
    }
    this.taken.add(name);
    return name;
  }
}
