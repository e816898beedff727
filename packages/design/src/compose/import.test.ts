import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Component, parseDesign } from "../format/schema";
import { exportKubernetesObjects } from "../kubernetes/export";
import { importComposeFile } from "./import";

const shop = readFileSync(new URL("../fixtures/shop-compose.yaml", import.meta.url), "utf8");
const apiEnv = 'SECRET_KEY=abc\n# feature flags\nexport FEATURE_X="on"\n';

function counter(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
}

function imported(options: Parameters<typeof importComposeFile>[1] = {}) {
  const result = importComposeFile(shop, { newId: counter(), files: { "./api.env": apiEnv }, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function configuration(components: Component[], kind: string, name: string): Record<string, unknown> {
  const found = components.find((c) => c.component.kind === kind && c.displayName === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found.configuration;
}

/** The value at a dotted path ("spec.template.spec.containers.0"), for assertions. */
function field(value: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe("importComposeFile on a realistic application", () => {
  it("makes a Deployment per service, a Service per service with ports, a claim per volume and ConfigMaps", () => {
    const { design } = imported();
    expect(design.name).toBe("shop");
    expect(
      design.components.map((c) => `${c.component.version} ${c.component.kind}/${c.displayName}`),
    ).toEqual([
      "apps/v1 Deployment/web",
      "v1 Service/web",
      "apps/v1 Deployment/api",
      "v1 Service/api",
      "apps/v1 Deployment/worker",
      "apps/v1 Deployment/postgres",
      "v1 Service/postgres",
      "apps/v1 Deployment/redis",
      "v1 Service/redis",
      "v1 PersistentVolumeClaim/db-data",
      "v1 PersistentVolumeClaim/redis-data",
      "v1 PersistentVolumeClaim/uploads",
      "v1 ConfigMap/nginx-conf",
      "v1 ConfigMap/api-env",
    ]);
    expect(parseDesign(design).ok).toBe(true);
    expect(new Set(design.components.map((c) => c.id)).size).toBe(design.components.length);
  });

  it("selects pods by app.kubernetes.io/name and records depends_on in an annotation", () => {
    const { components } = imported().design;
    const api = configuration(components, "Deployment", "api");
    expect(api.metadata).toEqual({
      name: "api",
      namespace: "default",
      labels: { "app.kubernetes.io/name": "api" },
      annotations: { "com.example.team": "checkout", "meshplane.io/depends-on": "postgres,redis" },
    });
    expect(field(api, "spec.selector")).toEqual({ matchLabels: { "app.kubernetes.io/name": "api" } });
    expect(field(api, "spec.template.metadata")).toEqual({ labels: { "app.kubernetes.io/name": "api" } });
    expect(field(configuration(components, "Deployment", "web"), "metadata.annotations")).toEqual({
      "meshplane.io/depends-on": "api",
    });
    expect(field(configuration(components, "Deployment", "worker"), "metadata.annotations")).toEqual({
      "meshplane.io/depends-on": "postgres,redis",
    });
    expect(
      field(configuration(components, "Deployment", "postgres"), "metadata.annotations"),
    ).toBeUndefined();
    expect(field(configuration(components, "Service", "postgres"), "spec.selector")).toEqual({
      "app.kubernetes.io/name": "postgres",
    });
  });

  it("carries image, command, environment, env_file, probe, resources and replicas of the API", () => {
    const api = configuration(imported().design.components, "Deployment", "api");
    expect(field(api, "spec.replicas")).toBe(3);
    expect(field(api, "spec.strategy")).toEqual({ type: "Recreate" });
    expect(field(api, "spec.template.spec.containers.0")).toEqual({
      name: "api",
      image: "ghcr.io/example/shop-api:2.1.0",
      args: ["node", "dist/server.js", "--port", "3000"],
      envFrom: [{ configMapRef: { name: "api-env" } }],
      env: [
        { name: "DATABASE_URL", value: "postgres://shop:shop@postgres:5432/shop" },
        { name: "REDIS_URL", value: "redis://redis:6379/0" },
        { name: "LOG_LEVEL", value: "info" },
        { name: "WORKERS", value: "4" },
      ],
      ports: [{ name: "tcp-3000", containerPort: 3000, protocol: "TCP" }],
      livenessProbe: {
        exec: { command: ["/bin/sh", "-c", "curl -fsS http://localhost:3000/healthz || exit 1"] },
        periodSeconds: 90,
        timeoutSeconds: 10,
        failureThreshold: 3,
        initialDelaySeconds: 40,
      },
      resources: { limits: { cpu: "500m", memory: "512Mi" }, requests: { cpu: "250m", memory: "256Mi" } },
      volumeMounts: [
        { name: "uploads", mountPath: "/srv/uploads" },
        { name: "bind", mountPath: "/app/src" },
      ],
    });
    expect(field(api, "spec.template.spec.volumes")).toEqual([
      { name: "uploads", persistentVolumeClaim: { claimName: "uploads" } },
      { name: "bind", emptyDir: {} },
    ]);
    expect(configuration(imported().design.components, "ConfigMap", "api-env").data).toEqual({
      SECRET_KEY: "abc",
      FEATURE_X: "on",
    });
  });

  it("publishes ports through named ClusterIP Service ports", () => {
    const { components } = imported().design;
    expect(field(configuration(components, "Service", "web"), "spec")).toEqual({
      type: "ClusterIP",
      selector: { "app.kubernetes.io/name": "web" },
      ports: [
        { name: "tcp-8080", port: 8080, targetPort: 80, protocol: "TCP" },
        { name: "https", port: 8443, targetPort: 443, protocol: "TCP" },
      ],
    });
    expect(field(configuration(components, "Service", "api"), "spec.ports")).toEqual([
      { name: "tcp-3000", port: 3000, targetPort: 3000, protocol: "TCP" },
    ]);
    const worker = components.find((c) => c.component.kind === "Service" && c.displayName === "worker");
    expect(worker).toBeUndefined();
  });

  it("splits string commands, keeps $$ as a literal $ and turns each healthcheck form into an exec probe", () => {
    const { components } = imported().design;
    const containerOf = (name: string) =>
      field(configuration(components, "Deployment", name), "spec.template.spec.containers.0");
    expect(containerOf("worker")).toMatchObject({
      command: ["/usr/local/bin/shop-worker"],
      args: ["--queue", "default", "--concurrency", "2"],
      volumeMounts: [{ name: "uploads", mountPath: "/srv/uploads", readOnly: true }],
    });
    expect(field(containerOf("postgres"), "livenessProbe")).toEqual({
      // The shell, not Compose, expands the variable: "$$" left a single "$".
      exec: { command: ["/bin/sh", "-c", `pg_isready -U \${POSTGRES_USER}`] },
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 5,
    });
    expect(field(containerOf("web"), "livenessProbe.exec.command")).toEqual([
      "wget",
      "-q",
      "--spider",
      "http://localhost/healthz",
    ]);
    // No interval or timeout: Compose's own defaults (30 s each), not Kubernetes' 10 s and 1 s.
    expect(containerOf("redis")).toMatchObject({
      args: ["redis-server", "--appendonly", "yes"],
      livenessProbe: {
        exec: { command: ["/bin/sh", "-c", "redis-cli ping"] },
        periodSeconds: 30,
        timeoutSeconds: 30,
      },
      resources: { limits: { memory: "1Gi" } },
    });
  });

  it("uses interpolation defaults, and the variables it is given over them", () => {
    const web = (design: { components: Component[] }) =>
      field(configuration(design.components, "Deployment", "web"), "spec.template.spec.containers.0.image");
    expect(web(imported().design)).toBe("ghcr.io/example/shop-web:1.4.2");
    expect(web(imported({ variables: { WEB_TAG: "2.0.0" } }).design)).toBe("ghcr.io/example/shop-web:2.0.0");
    expect(web(imported({ files: { ".env": "WEB_TAG=1.9.9\n" } }).design)).toBe(
      "ghcr.io/example/shop-web:1.9.9",
    );
  });

  it("claims named volumes ReadWriteOnce, sized by label or 1Gi, and mounts configs as single files", () => {
    const { components } = imported().design;
    expect(field(configuration(components, "PersistentVolumeClaim", "db-data"), "spec")).toEqual({
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: "20Gi" } },
    });
    expect(field(configuration(components, "PersistentVolumeClaim", "redis-data"), "spec.resources")).toEqual(
      {
        requests: { storage: "1Gi" },
      },
    );
    const web = field(configuration(components, "Deployment", "web"), "spec.template.spec");
    expect(field(web, "volumes")).toEqual([{ name: "config-nginx-conf", configMap: { name: "nginx-conf" } }]);
    expect(field(web, "containers.0.volumeMounts")).toEqual([
      {
        name: "config-nginx-conf",
        mountPath: "/etc/nginx/conf.d/default.conf",
        subPath: "default.conf",
        readOnly: true,
      },
    ]);
    const withConfig = imported({ files: { "./api.env": apiEnv, "nginx/default.conf": "server {}\n" } });
    expect(field(configuration(withConfig.design.components, "ConfigMap", "nginx-conf"), "data")).toEqual({
      "default.conf": "server {}\n",
    });
  });

  it("warns, on the right line, about everything it could not carry over", () => {
    expect(imported().warnings).toEqual([
      {
        line: 112,
        message:
          "config nginx_conf reads ./nginx/default.conf, which was not provided: ConfigMap nginx-conf is created empty",
      },
      { line: 28, message: "logging of service web is not carried over to Kubernetes" },
      {
        line: 61,
        message: "bind mount ./src is not portable to a cluster: /app/src gets an empty emptyDir volume",
      },
      { line: 108, message: "volume redis-data has no kompose.volume.size label: its claim requests 1Gi" },
      { line: 109, message: "volume uploads has no kompose.volume.size label: its claim requests 1Gi" },
      {
        line: 109,
        message:
          "volume uploads is mounted by api, worker with more than one pod: a ReadWriteOnce claim keeps them on one node",
      },
    ]);
    const withoutEnvFile = imported({ files: {} });
    expect(withoutEnvFile.warnings).toContainEqual({
      line: 38,
      message:
        "env_file ./api.env was not provided with the Compose file: its variables are missing from api; import the file with it or list them under environment",
    });
  });

  it("exports back to manifests in apply order", () => {
    const kinds = exportKubernetesObjects(imported().design).map(
      (o) => `${o.kind}/${(o.metadata as { name: string }).name}`,
    );
    expect(kinds.slice(0, 5)).toEqual([
      "ConfigMap/api-env",
      "ConfigMap/nginx-conf",
      "PersistentVolumeClaim/db-data",
      "PersistentVolumeClaim/redis-data",
      "PersistentVolumeClaim/uploads",
    ]);
    expect(kinds.filter((k) => k.startsWith("Deployment/"))).toHaveLength(5);
  });
});
