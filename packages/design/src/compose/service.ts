// The Kubernetes Service in front of a Compose service with published or exposed ports: ClusterIP, named ports.
import { labelMap } from "./labels";
import { NAME_LABEL, NameScope } from "./names";
import type { PortMapping } from "./ports";
import type { ComposeProblems } from "./problems";
import type { ComposeService } from "./services";

// kompose reads the Service type from this label; honouring it keeps files written for kompose working.
const SERVICE_TYPE_LABEL = "kompose.service.type";
const SERVICE_TYPES: Record<string, Record<string, unknown>> = {
  clusterip: { type: "ClusterIP" },
  headless: { type: "ClusterIP", clusterIP: "None" },
  nodeport: { type: "NodePort" },
  loadbalancer: { type: "LoadBalancer" },
};

export function kubernetesService(
  service: ComposeService,
  ports: readonly PortMapping[],
  problems: ComposeProblems,
): Record<string, unknown> | undefined {
  if (ports.length === 0) return undefined;
  const seen = new Set<string>();
  const names = new NameScope();
  const servicePorts = [];
  for (const mapping of ports) {
    const port = mapping.published ?? mapping.target;
    const key = `${port}/${mapping.protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    servicePorts.push({
      name: names.claim(mapping.name ?? `${mapping.protocol.toLowerCase()}-${port}`),
      port,
      targetPort: mapping.target,
      protocol: mapping.protocol,
    });
  }
  const requested = labelMap(service.definition.labels)[SERVICE_TYPE_LABEL];
  const type = SERVICE_TYPES[(requested ?? "clusterip").toLowerCase()];
  if (!type) {
    problems.warn(
      [...service.at, "labels"],
      `${SERVICE_TYPE_LABEL} "${requested}" is not clusterip, headless, nodeport or loadbalancer: ClusterIP is used`,
    );
  }
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: service.name, labels: { [NAME_LABEL]: service.name } },
    spec: {
      ...(type ?? { type: "ClusterIP" }),
      selector: { [NAME_LABEL]: service.name },
      ports: servicePorts,
    },
  };
}
