// The parts of an apiextensions.k8s.io/v1 CustomResourceDefinition the registry reads, checked with zod.
import { z } from "zod";

// RFC 1123 subdomain (the group) and label (plural, version), as the API server validates them.
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^(?=.{1,63}$)[a-z]([-a-z0-9]*[a-z0-9])?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

const crdVersion = z.object({
  name: z.string().regex(DNS_1035_LABEL, "must be a DNS-1035 label such as v1 or v1beta1"),
  served: z.boolean(),
  storage: z.boolean(),
  deprecated: z.boolean().optional(),
  deprecationWarning: z.string().optional(),
  schema: z.object({ openAPIV3Schema: z.record(z.string(), z.unknown()) }).optional(),
  subresources: z.record(z.string(), z.unknown()).optional(),
  additionalPrinterColumns: z.array(z.unknown()).optional(),
});

export const customResourceDefinitionShape = z
  .object({
    apiVersion: z.literal("apiextensions.k8s.io/v1", {
      error: (issue) =>
        issue.input === "apiextensions.k8s.io/v1beta1"
          ? "apiextensions.k8s.io/v1beta1 is no longer served (Kubernetes 1.22); convert the CRD to apiextensions.k8s.io/v1"
          : "must be apiextensions.k8s.io/v1",
    }),
    kind: z.literal("CustomResourceDefinition"),
    metadata: z.object({ name: z.string().min(1) }),
    spec: z.object({
      group: z.string().regex(DNS_SUBDOMAIN, "must be a DNS subdomain such as cert-manager.io"),
      names: z.object({
        kind: z.string().regex(KIND, "must be a CamelCase kind such as Certificate"),
        plural: z.string().regex(DNS_LABEL, "must be a lowercase DNS label such as certificates"),
        singular: z.string().optional(),
        listKind: z.string().optional(),
        shortNames: z.array(z.string()).optional(),
        categories: z.array(z.string()).optional(),
      }),
      scope: z.enum(["Namespaced", "Cluster"]),
      versions: z.array(crdVersion).min(1, "must list at least one version"),
    }),
  })
  .superRefine((crd, context) => {
    const { group, names, versions } = crd.spec;
    if (crd.metadata.name !== `${names.plural}.${group}`) {
      context.addIssue({
        code: "custom",
        path: ["metadata", "name"],
        message: `must be <plural>.<group>, "${names.plural}.${group}"`,
      });
    }
    if (versions.filter((version) => version.storage).length !== 1) {
      context.addIssue({
        code: "custom",
        path: ["spec", "versions"],
        message: "exactly one version must be the storage version",
      });
    }
    const seen = new Set<string>();
    versions.forEach((version, index) => {
      if (seen.has(version.name)) {
        context.addIssue({
          code: "custom",
          path: ["spec", "versions", index, "name"],
          message: `${version.name} is listed twice`,
        });
      }
      seen.add(version.name);
      if (version.served && !version.schema) {
        context.addIssue({
          code: "custom",
          path: ["spec", "versions", index, "schema", "openAPIV3Schema"],
          message: "a served version needs its schema",
        });
      }
    });
  });

export type CustomResourceDefinition = z.infer<typeof customResourceDefinitionShape>;
