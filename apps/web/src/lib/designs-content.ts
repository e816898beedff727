// Reads a stored Meshery design into what the design page draws and lists: components and the links between them.
import { z } from "zod";

const record = z.record(z.string(), z.unknown());

// Loose on purpose: the API already validated the design; the page only needs a few fields and must
// not refuse to draw a design because Meshery added something.
const componentSchema = z.looseObject({
  id: z.string(),
  displayName: z.string().catch(""),
  component: z.looseObject({ kind: z.string().catch("Unknown") }).catch({ kind: "Unknown" }),
  model: z.looseObject({ name: z.string().catch("") }).catch({ name: "" }),
  configuration: record.catch({}),
  metadata: z.looseObject({ isAnnotation: z.boolean().catch(false) }).catch({ isAnnotation: false }),
});

const endpointSchema = z.looseObject({
  id: z.string().optional(),
  kind: z.string().optional(),
  match: z
    .looseObject({
      from: z.array(z.looseObject({ id: z.string().optional() })).catch([]),
      to: z.array(z.looseObject({ id: z.string().optional() })).catch([]),
    })
    .optional()
    .catch(undefined),
});

const relationshipSchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  type: z.string(),
  subType: z.string(),
  status: z.string().optional().catch(undefined),
  selectors: z
    .array(
      z.looseObject({
        allow: z
          .looseObject({ from: z.array(endpointSchema).catch([]), to: z.array(endpointSchema).catch([]) })
          .optional()
          .catch(undefined),
      }),
    )
    .nullish()
    .catch([]),
});

const designContentSchema = z.looseObject({
  components: z.array(componentSchema).catch([]),
  relationships: z.array(relationshipSchema).catch([]),
});

export type DesignComponent = {
  id: string;
  name: string;
  kind: string;
  model: string;
  /** `metadata.namespace` of the configuration, for namespaced kinds. */
  namespace: string | undefined;
};

/** How a link is drawn; the families follow Meshery's relationship kinds and types. */
export type LinkFamily = "network" | "reference" | "binding" | "hierarchical" | "sibling" | "other";

export type DesignLink = {
  id: string;
  relationshipId: string;
  source: string;
  target: string;
  family: LinkFamily;
  kind: string;
  type: string;
  subType: string;
  status: string | undefined;
  /** The component that makes a binding (the RoleBinding of a permission, the NetworkPolicy of a firewall). */
  via: string | undefined;
};

export type DesignContent = { components: DesignComponent[]; links: DesignLink[] };

export function familyOf(relationship: { kind: string; type: string; subType: string }): LinkFamily {
  const kind = relationship.kind.toLowerCase();
  const type = relationship.type.toLowerCase();
  const subType = relationship.subType.toLowerCase();
  if (kind === "hierarchical") return "hierarchical";
  if (kind === "edge" && type === "binding") return "binding";
  if (kind === "edge" && subType === "network") return "network";
  if (kind === "edge" && subType === "reference") return "reference";
  if (kind === "edge" && type === "sibling") return "sibling";
  return "other";
}

export function readDesignContent(design: unknown): DesignContent {
  const parsed = designContentSchema.safeParse(design);
  if (!parsed.success) return { components: [], links: [] };
  const components = parsed.data.components.map(
    (component): DesignComponent => ({
      id: component.id,
      name: component.displayName || component.id,
      kind: component.component.kind,
      model: component.model.name,
      namespace: namespaceOf(component.configuration),
    }),
  );
  const known = new Set(components.map((component) => component.id));
  const links: DesignLink[] = [];
  const seen = new Set<string>();
  for (const relationship of parsed.data.relationships) {
    for (const selector of relationship.selectors ?? []) {
      const allow = selector.allow;
      if (!allow) continue;
      for (const from of allow.from) {
        for (const to of allow.to) {
          if (!from.id || !to.id || from.id === to.id) continue;
          if (!known.has(from.id) || !known.has(to.id)) continue;
          const id = `${relationship.id}:${from.id}:${to.id}`;
          if (seen.has(id)) continue;
          seen.add(id);
          links.push({
            id,
            relationshipId: relationship.id,
            source: from.id,
            target: to.id,
            family: familyOf(relationship),
            kind: relationship.kind,
            type: relationship.type,
            subType: relationship.subType,
            status: relationship.status,
            via: viaOf([from, to], known),
          });
        }
      }
    }
  }
  return { components, links };
}

function namespaceOf(configuration: Record<string, unknown>): string | undefined {
  const metadata = configuration.metadata;
  if (typeof metadata !== "object" || metadata === null) return undefined;
  const namespace = (metadata as Record<string, unknown>).namespace;
  return typeof namespace === "string" && namespace !== "" ? namespace : undefined;
}

/** The third component a selector matches through, if any: neither end of the link itself. */
function viaOf(ends: z.infer<typeof endpointSchema>[], known: Set<string>): string | undefined {
  const endIds = new Set(ends.map((end) => end.id));
  for (const end of ends) {
    for (const matched of [...(end.match?.from ?? []), ...(end.match?.to ?? [])]) {
      if (matched.id && !endIds.has(matched.id) && known.has(matched.id)) return matched.id;
    }
  }
  return undefined;
}
