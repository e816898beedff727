// Meshery's model, component and relationship definitions as found in exports, checked only as far as we rely on them.
import { z } from "zod";

const record = z.record(z.string(), z.unknown());

export const mesheryModelShape = z.looseObject({
  id: z.string().optional(),
  schemaVersion: z.string().optional(),
  name: z.string().regex(/^[a-z0-9-]+$/, "must be lowercase letters, digits and dashes, as Meshery requires"),
  version: z.string().min(1, "must not be empty"),
  displayName: z.string().optional(),
  description: z.string().optional(),
  status: z.enum(["enabled", "ignored", "duplicate"]).optional(),
  category: z.union([z.looseObject({ name: z.string() }), z.string()]).nullish(),
  subCategory: z.string().nullish(),
  model: z.looseObject({ version: z.string() }).nullish(),
  registrant: z.looseObject({ kind: z.string().optional(), name: z.string().optional() }).nullish(),
  metadata: record.nullish(),
  components: z.array(z.unknown()).nullish(),
  relationships: z.array(z.unknown()).nullish(),
});

export const mesheryComponentShape = z.looseObject({
  id: z.string().optional(),
  schemaVersion: z.string().optional(),
  version: z.string().optional(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  format: z.enum(["JSON", "CUE"]).optional(),
  model: z.looseObject({ name: z.string() }).nullish(),
  component: z.looseObject({
    version: z.string().min(1, "must name the apiVersion, such as apps/v1"),
    kind: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "must be a kind such as Deployment"),
    schema: z.union([z.string(), record]).nullish(),
  }),
  styles: record.nullish(),
  capabilities: z.array(z.unknown()).nullish(),
  status: z.string().optional(),
  metadata: record.nullish(),
});

const selectorSide = z.looseObject({ from: z.array(z.unknown()), to: z.array(z.unknown()) });

export const mesheryRelationshipShape = z.looseObject({
  id: z.string().optional(),
  schemaVersion: z.string().optional(),
  version: z.string().optional(),
  kind: z.enum(["hierarchical", "edge", "sibling"]),
  type: z.string().min(1, "must not be empty"),
  subType: z.string(),
  status: z.enum(["enabled", "ignored", "deleted"]).optional(),
  evaluationQuery: z.string().optional(),
  capabilities: z.array(z.unknown()).nullish(),
  model: z.looseObject({ name: z.string() }).nullish(),
  metadata: record.nullish(),
  selectors: z
    .array(z.looseObject({ allow: selectorSide, deny: selectorSide.nullish() }))
    .min(1, "must not be empty"),
});

export type MesheryModel = z.infer<typeof mesheryModelShape>;
export type MesheryComponent = z.infer<typeof mesheryComponentShape>;
export type MesheryRelationship = z.infer<typeof mesheryRelationshipShape>;
