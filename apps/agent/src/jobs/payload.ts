// Owns the payloads of design jobs as the API sends them, validated before anything touches the cluster.
import { z } from "zod";
import { isKubeObject, type KubeObject } from "../apply/objects";

const DesignObjects = z.object({
  designId: z.string().min(1).max(200),
  designVersion: z.string().max(100).optional(),
  objects: z.array(z.unknown()).max(5_000),
  // Defaults to taking fields over: the design is the source of truth for what it declares.
  force: z.boolean().default(true),
  // 0 skips the wait; otherwise the job fails if a workload is not healthy in time (Deployment available...).
  healthTimeoutSeconds: z.number().int().min(0).max(3_600).default(0),
});

const Undeploy = z.object({
  designId: z.string().min(1).max(200),
  // Namespaces and CRDs take everything inside with them, so they are kept unless asked for.
  deleteNamespacesAndCrds: z.boolean().default(false),
});

export type DesignObjectsPayload = Omit<z.infer<typeof DesignObjects>, "objects"> & { objects: KubeObject[] };
export type UndeployPayload = z.infer<typeof Undeploy>;

export function parseDesignObjects(payload: unknown): DesignObjectsPayload {
  const parsed = DesignObjects.parse(payload);
  const invalid = parsed.objects.findIndex((object) => !isKubeObject(object));
  if (invalid >= 0)
    throw new Error(`objects[${invalid}] is not a Kubernetes object (apiVersion, kind, metadata.name)`);
  return { ...parsed, objects: parsed.objects as KubeObject[] };
}

export function parseUndeploy(payload: unknown): UndeployPayload {
  return Undeploy.parse(payload);
}
