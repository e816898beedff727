// Owns the fake API server's objects: a global resourceVersion, naive apply with field ownership, watch events.
import { randomUUID } from "node:crypto";
import { apiVersionOf, type FakeResource } from "./fake-kube-resources";

// biome-ignore lint/suspicious/noExplicitAny: stored objects are arbitrary JSON, as in the real server.
export type Stored = Record<string, any>;
export type WatchEvent = {
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: Stored;
  rv: number;
  resource: FakeResource;
};
export type StatusAnswer = { status: number; body: Stored };

export const statusBody = (code: number, reason: string, message: string, causes?: Stored[]): Stored => ({
  kind: "Status",
  apiVersion: "v1",
  status: "Failure",
  code,
  reason,
  message,
  ...(causes ? { details: { causes } } : {}),
});

// Path segments joined by a character no key holds: label keys such as "app.kubernetes.io/name" have dots.
const SEP = "\u001f";
const dotted = (path: string) => path.split(SEP).join(".");

// Leaf paths of an object (arrays are atomic, as SSA treats most lists): the unit of field ownership.
function leaves(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [path, leaf] of leaves(inner, prefix ? `${prefix}${SEP}${key}` : key)) out.set(path, leaf);
    }
  } else if (prefix) out.set(prefix, value);
  return out;
}

function setPath(target: Stored, path: string, value: unknown): void {
  const keys = path.split(SEP);
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object" || Array.isArray(node[key])) node[key] = {};
    node = node[key];
  }
  node[keys[keys.length - 1] as string] = structuredClone(value);
}

function unsetPath(target: Stored, path: string): void {
  const keys = path.split(SEP);
  const parents: Stored[] = [];
  let node: Stored | undefined = target;
  for (const key of keys.slice(0, -1)) {
    parents.push(node);
    node = node?.[key];
    if (!node || typeof node !== "object") return;
  }
  delete node[keys[keys.length - 1] as string];
}

const getPath = (target: Stored, path: string) =>
  path.split(SEP).reduce<Stored | undefined>((node, key) => node?.[key], target);

// Identity and server-owned fields: never owned by a manager, never removed by an apply.
const UNOWNED =
  /^(apiVersion|kind|metadata\.(name|namespace|uid|resourceVersion|generation|creationTimestamp|managedFields))(\.|$)|^status(\.|$)/;

export interface ApplyRequest {
  resource: FakeResource;
  namespace: string | undefined;
  name: string;
  body: Stored;
  manager: string;
  force: boolean;
  dryRun: boolean;
}

export function createObjectStore(options: { immutable: Record<string, string[]>; historyLimit: number }) {
  let rv = 1;
  const objects = new Map<string, Stored>();
  const owners = new Map<string, Map<string, string>>();
  let history: WatchEvent[] = [];
  let oldestWatchable = 1;
  const listeners = new Set<(event: WatchEvent) => void>();
  const keyOf = (r: FakeResource, ns: string | undefined, name: string) =>
    `${r.group}/${r.plural}/${ns ?? ""}/${name}`;

  function emit(type: WatchEvent["type"], object: Stored, resource: FakeResource) {
    const event = { type, object: structuredClone(object), rv, resource };
    history.push(event);
    if (history.length > options.historyLimit) {
      history = history.slice(-options.historyLimit);
      oldestWatchable = history[0]?.rv ?? rv;
    }
    for (const listener of listeners) listener(event);
  }

  function managedFieldsOf(key: string, apiVersion: string) {
    const managers = new Set(owners.get(key)?.values() ?? []);
    return [...managers].map((manager) => ({
      manager,
      operation: "Apply",
      apiVersion,
      fieldsType: "FieldsV1",
      fieldsV1: {},
    }));
  }

  return {
    get resourceVersion() {
      return rv;
    },
    get oldestWatchable() {
      return oldestWatchable;
    },
    history: () => history,
    /** Forgets the event history, so every older resourceVersion now answers 410 Gone. */
    compact() {
      history = [];
      oldestWatchable = rv + 1;
    },
    subscribe(listener: (event: WatchEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: (r: FakeResource, ns: string | undefined, name: string) => objects.get(keyOf(r, ns, name)),
    list(r: FakeResource, ns: string | undefined) {
      const prefix = `${r.group}/${r.plural}/`;
      return [...objects.entries()]
        .filter(([key, object]) => key.startsWith(prefix) && (!ns || object.metadata.namespace === ns))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, object]) => object);
    },
    /** Server-side apply, simplified: leaf-path ownership, conflicts unless forced, immutable fields, dry run. */
    apply(req: ApplyRequest): StatusAnswer {
      const key = keyOf(req.resource, req.namespace, req.name);
      const existing = objects.get(key);
      const patch = leaves(req.body);
      for (const path of patch.keys()) if (UNOWNED.test(dotted(path))) patch.delete(path);
      const fieldOwners = new Map(owners.get(key) ?? []);
      const next: Stored = structuredClone(existing ?? {});
      if (existing) {
        const conflicts = [...patch].filter(([path, value]) => {
          const owner = fieldOwners.get(path);
          return (
            owner &&
            owner !== req.manager &&
            JSON.stringify(getPath(existing, path)) !== JSON.stringify(value)
          );
        });
        if (conflicts.length && !req.force) {
          const causes = conflicts.map(([path]) => ({
            type: "FieldManagerConflict",
            message: `conflict with "${fieldOwners.get(path)}"`,
            field: `.${dotted(path)}`,
          }));
          return {
            status: 409,
            body: statusBody(409, "Conflict", `Apply failed with ${conflicts.length} conflict(s)`, causes),
          };
        }
        const kindKey = `${req.resource.group}/${req.resource.kind}`;
        for (const path of (options.immutable[kindKey] ?? []).map((p) => p.split(".").join(SEP))) {
          const before = getPath(existing, path);
          const after = getPath(req.body, path);
          if (
            before !== undefined &&
            after !== undefined &&
            JSON.stringify(before) !== JSON.stringify(after)
          ) {
            const causes = [
              {
                reason: "FieldValueInvalid",
                message: "Invalid value: field is immutable",
                field: dotted(path),
              },
            ];
            return {
              status: 422,
              body: statusBody(
                422,
                "Invalid",
                `${req.resource.kind} "${req.name}" is invalid: ${dotted(path)}: field is immutable`,
                causes,
              ),
            };
          }
        }
        // Fields this manager applied before and no longer sends are released, and removed if nobody else owns them.
        for (const [path, owner] of fieldOwners) {
          if (owner === req.manager && !patch.has(path) && !UNOWNED.test(dotted(path))) {
            fieldOwners.delete(path);
            unsetPath(next, path);
          }
        }
      }
      for (const [path, value] of patch) {
        setPath(next, path, value);
        fieldOwners.set(path, req.manager);
      }
      next.apiVersion = apiVersionOf(req.resource);
      next.kind = req.resource.kind;
      const changed =
        !existing ||
        JSON.stringify({
          ...existing,
          metadata: { ...existing.metadata, managedFields: [], resourceVersion: "" },
        }) !==
          JSON.stringify({ ...next, metadata: { ...next.metadata, managedFields: [], resourceVersion: "" } });
      next.metadata = {
        ...next.metadata,
        name: req.name,
        ...(req.namespace ? { namespace: req.namespace } : {}),
        uid: existing?.metadata.uid ?? randomUUID(),
        creationTimestamp: existing?.metadata.creationTimestamp ?? new Date().toISOString(),
        generation: (existing?.metadata.generation ?? 0) + (changed ? 1 : 0),
        resourceVersion: String(existing && !changed ? existing.metadata.resourceVersion : rv + 1),
      };
      next.metadata.managedFields = [];
      if (req.dryRun)
        return {
          status: existing ? 200 : 201,
          body: {
            ...next,
            metadata: { ...next.metadata, managedFields: managedFieldsOf(key, next.apiVersion) },
          },
        };
      if (changed) rv++;
      owners.set(key, fieldOwners);
      next.metadata.managedFields = managedFieldsOf(key, next.apiVersion);
      objects.set(key, next);
      if (changed) emit(existing ? "MODIFIED" : "ADDED", next, req.resource);
      return { status: existing ? 200 : 201, body: next };
    },
    /** Replaces server-owned parts (status) as a controller would. */
    setStatus(r: FakeResource, ns: string | undefined, name: string, status: Stored) {
      const object = objects.get(keyOf(r, ns, name));
      if (!object) return;
      rv++;
      object.status = status;
      object.metadata.resourceVersion = String(rv);
      emit("MODIFIED", object, r);
    },
    remove(r: FakeResource, ns: string | undefined, name: string): Stored | undefined {
      const key = keyOf(r, ns, name);
      const object = objects.get(key);
      if (!object) return undefined;
      objects.delete(key);
      owners.delete(key);
      rv++;
      object.metadata.resourceVersion = String(rv);
      emit("DELETED", object, r);
      return object;
    },
  };
}

export type ObjectStore = ReturnType<typeof createObjectStore>;
