// Meshery's design format (designs.meshery.io/v1beta1) as zod schemas: what we accept and what we emit.
import { z } from "zod";

export const DESIGN_SCHEMA_VERSION = "designs.meshery.io/v1beta1";
export const COMPONENT_SCHEMA_VERSION = "components.meshery.io/v1beta1";

const record = z.record(z.string(), z.unknown());

// Meshery adds fields over time; nested objects keep what they do not know so an import loses nothing.
export const componentSchema = z.looseObject({
  id: z.string().min(1),
  schemaVersion: z.string().min(1),
  version: z.string().min(1),
  displayName: z.string(),
  description: z.string().default(""),
  format: z.enum(["JSON", "CUE"]).default("JSON"),
  model: z.looseObject({ name: z.string().min(1) }),
  modelReference: record.optional(),
  component: z.looseObject({
    version: z.string().min(1),
    kind: z.string().min(1),
    schema: z.string().default(""),
  }),
  configuration: record.default({}),
  styles: record.optional(),
  capabilities: z.array(record).nullish(),
  status: z.string().optional(),
  metadata: z.looseObject({ isAnnotation: z.boolean().default(false), isNamespaced: z.boolean().optional() }),
});

export const relationshipSchema = z.looseObject({
  id: z.string().min(1),
  schemaVersion: z.string().min(1),
  version: z.string().min(1),
  kind: z.string().min(1),
  type: z.string().min(1),
  subType: z.string().min(1),
  status: z.string().optional(),
  selectors: z.array(record).nullish(),
  metadata: record.nullish(),
  model: record,
});

export const designSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1).max(255),
  schemaVersion: z.string().min(1),
  version: z.string().min(1),
  metadata: record.optional(),
  components: z.array(componentSchema),
  relationships: z.array(relationshipSchema),
  preferences: record.optional(),
});

export type Component = z.infer<typeof componentSchema>;
export type Relationship = z.infer<typeof relationshipSchema>;
export type Design = z.infer<typeof designSchema>;

export type Issue = { path: string; message: string };

export function parseDesign(input: unknown): { ok: true; design: Design } | { ok: false; issues: Issue[] } {
  const parsed = designSchema.safeParse(input);
  if (parsed.success) return { ok: true, design: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
  };
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
}
