// The install artefacts (image, manifest, Helm chart) checked without Docker or Helm, which the build machines lack.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadAllYaml, loadYaml } from "@kubernetes/client-node";
import { installCommandFor } from "@meshplane/api/src/routes/agents/bootstrap-token-create";
import { describe, expect, it } from "vitest";

const agentDir = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string) => readFileSync(agentDir + path, "utf8");
// biome-ignore lint/suspicious/noExplicitAny: manifests are arbitrary YAML.
type Doc = any;

describe("the plain manifest", () => {
  const docs = loadAllYaml(read("deploy/manifest.yaml")) as Doc[];
  const byKind = (kind: string) => docs.filter((doc) => doc.kind === kind);

  it("has the namespace, ServiceAccount, bootstrap Secret, the three RBAC tiers and the Deployment", () => {
    expect(byKind("Namespace").map((d) => d.metadata.name)).toEqual(["meshplane-agent"]);
    expect(byKind("ServiceAccount")).toHaveLength(1);
    expect(byKind("Secret")[0].stringData).toHaveProperty("token");
    expect(byKind("ClusterRole").map((d) => d.metadata.name)).toEqual([
      "meshplane-agent-observe",
      "meshplane-agent-deploy",
      "meshplane-agent-load-test",
    ]);
    expect(byKind("Deployment")).toHaveLength(1);
  });

  it("runs the agent non-root with probes on /healthz and /readyz, limits, and the token from the Secret", () => {
    const pod = byKind("Deployment")[0].spec.template.spec;
    const container = pod.containers[0];
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.livenessProbe.httpGet.path).toBe("/healthz");
    expect(container.readinessProbe.httpGet.path).toBe("/readyz");
    expect(container.resources.limits).toEqual({ cpu: "500m", memory: "512Mi" });
    const token = container.env.find((e: Doc) => e.name === "MESHPLANE_BOOTSTRAP_TOKEN");
    expect(token.valueFrom.secretKeyRef).toMatchObject({ name: "meshplane-agent-bootstrap", key: "token" });
  });
});

describe("the Helm chart", () => {
  const values = loadYaml(read("deploy/chart/values.yaml")) as Doc;
  const templates = readdirSync(`${agentDir}deploy/chart/templates`).map((name) =>
    read(`deploy/chart/templates/${name}`),
  );

  it("refers only to values that values.yaml declares", () => {
    const references = new Set(
      templates.flatMap((text) => [...text.matchAll(/\.Values\.([\w.]+)/g)].map((m) => m[1] as string)),
    );
    for (const path of references) {
      const found = path
        .split(".")
        .reduce<Doc>((node, key) => (node === undefined ? undefined : node[key]), values);
      expect(found, `.Values.${path}`).not.toBeUndefined();
    }
  });

  it("is what the bootstrap route's install command sets", () => {
    const command = installCommandFor({ apiUrl: "https://meshplane.example.com", token: "mpb_abc" });
    for (const [, key] of command.matchAll(/--set ([\w.]+)=/g)) {
      expect(
        (key as string).split(".").reduce<Doc>((node, part) => node?.[part], values),
        key,
      ).toBe("");
    }
    expect(values.rbac.tiers).toEqual(["observe", "deploy"]);
  });
});

describe("the image", () => {
  it("runs the bundle on node:20-slim as a non-root user", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^USER 65532:65532$/m);
    expect(dockerfile).toContain("/app/index.js");
  });
});
