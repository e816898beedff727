// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${VAR}" here is Compose syntax under test, not a mistaken template.
// Each Compose form (list or map, short or long syntax) and the Kubernetes field it lands in.
import { describe, expect, it } from "vitest";
import { importComposeFile } from "./import";

function objects(text: string, options: Parameters<typeof importComposeFile>[1] = {}) {
  const result = importComposeFile(text, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return {
    warnings: result.warnings.map((w) => w.message),
    get: (kind: string, name: string) => {
      const found = result.design.components.find((c) => c.component.kind === kind && c.displayName === name);
      if (!found) throw new Error(`no ${kind}/${name}`);
      return found.configuration;
    },
    kinds: result.design.components.map((c) => `${c.component.kind}/${c.displayName}`),
  };
}

function field(value: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

const container = (text: string) =>
  field(objects(text).get("Deployment", "app"), "spec.template.spec.containers.0");

describe("importComposeFile forms", () => {
  it("reads environment in list form, values with '=' included, and in map form with numbers and booleans", () => {
    const list = "services:\n  app:\n    image: a\n    environment: [A=1, B=x=y, 'C=']\n";
    expect(field(container(list), "env")).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "x=y" },
      { name: "C", value: "" },
    ]);
    const map = "services:\n  app:\n    image: a\n    environment: { N: 3, T: true, S: text }\n";
    expect(field(container(map), "env")).toEqual([
      { name: "N", value: "3" },
      { name: "T", value: "true" },
      { name: "S", value: "text" },
    ]);
  });

  it("takes shell-provided environment from the given variables, and otherwise leaves it out with a warning", () => {
    const text = "services:\n  app:\n    image: a\n    environment: [FROM_SHELL]\n";
    const given = objects(text, { variables: { FROM_SHELL: "yes" } });
    expect(field(given.get("Deployment", "app"), "spec.template.spec.containers.0.env")).toEqual([
      { name: "FROM_SHELL", value: "yes" },
    ]);
    const missing = objects(text);
    expect(field(missing.get("Deployment", "app"), "spec.template.spec.containers.0.env")).toBeUndefined();
    expect(missing.warnings).toEqual([
      "FROM_SHELL takes its value from the shell running Compose, which an import has not: left out",
    ]);
  });

  it("reads depends_on in both forms into one annotation, in the order written", () => {
    const text = `services:
  db: { image: postgres }
  cache: { image: redis }
  a: { image: a, depends_on: [db, cache] }
  b:
    image: b
    depends_on:
      cache: { condition: service_started }
      db: { condition: service_healthy, restart: true }
`;
    const { get } = objects(text);
    expect(field(get("Deployment", "a"), "metadata.annotations")).toEqual({
      "meshplane.io/depends-on": "db,cache",
    });
    expect(field(get("Deployment", "b"), "metadata.annotations")).toEqual({
      "meshplane.io/depends-on": "cache,db",
    });
  });

  it("reads ports in short form with host address, protocol and ranges, and in long form", () => {
    const text = `services:
  app:
    image: a
    ports: ["127.0.0.1:8080:80", "53:53/udp", "9000-9001:7000-7001", 3000, { target: 5000, published: "5001", protocol: tcp, name: admin }]
`;
    const { get, warnings } = objects(text);
    expect(field(get("Service", "app"), "spec.ports")).toEqual([
      { name: "tcp-8080", port: 8080, targetPort: 80, protocol: "TCP" },
      { name: "udp-53", port: 53, targetPort: 53, protocol: "UDP" },
      { name: "tcp-9000", port: 9000, targetPort: 7000, protocol: "TCP" },
      { name: "tcp-9001", port: 9001, targetPort: 7001, protocol: "TCP" },
      { name: "tcp-3000", port: 3000, targetPort: 3000, protocol: "TCP" },
      { name: "admin", port: 5001, targetPort: 5000, protocol: "TCP" },
    ]);
    expect(field(get("Deployment", "app"), "spec.template.spec.containers.0.ports")).toHaveLength(6);
    expect(warnings).toEqual(["the host address 127.0.0.1 is dropped: a Service listens on its cluster IP"]);
  });

  it("makes no Service for a service without ports, and a headless one when kompose.service.type asks", () => {
    expect(objects("services:\n  app: { image: a }\n").kinds).toEqual(["Deployment/app"]);
    const headless = objects(
      "services:\n  app: { image: a, expose: ['80'], labels: { kompose.service.type: headless } }\n",
    );
    expect(field(headless.get("Service", "app"), "spec.clusterIP")).toBe("None");
    expect(field(headless.get("Deployment", "app"), "metadata.annotations")).toBeUndefined();
  });

  it("turns restart: no and on-failure into Pods, and deploy.mode global into a DaemonSet", () => {
    const never = objects("services:\n  app: { image: a, restart: 'no' }\n");
    expect(never.kinds).toEqual(["Pod/app"]);
    expect(field(never.get("Pod", "app"), "spec.restartPolicy")).toBe("Never");
    expect(never.warnings).toEqual([
      "a Deployment always restarts its pods: restart no makes this service a Pod with restartPolicy Never",
    ]);
    const onFailure = objects(
      "services:\n  app: { image: a, deploy: { restart_policy: { condition: on-failure } } }\n",
    );
    expect(field(onFailure.get("Pod", "app"), "spec.restartPolicy")).toBe("OnFailure");
    const global = objects("services:\n  app: { image: a, deploy: { mode: global } }\n");
    expect(global.kinds).toEqual(["DaemonSet/app"]);
    expect(field(global.get("DaemonSet", "app"), "spec.replicas")).toBeUndefined();
  });

  it("reads replicas from deploy.replicas or the older scale", () => {
    expect(
      field(objects("services:\n  app: { image: a, scale: 2 }\n").get("Deployment", "app"), "spec.replicas"),
    ).toBe(2);
    const deploy = objects("services:\n  app: { image: a, deploy: { replicas: 0 } }\n");
    expect(field(deploy.get("Deployment", "app"), "spec.replicas")).toBe(0);
  });

  it("reads legacy mem_limit and cpus, and byte sizes in every Docker unit", () => {
    const text = "services:\n  app: { image: a, mem_limit: 1536m, cpus: 2, mem_reservation: 1073741824 }\n";
    expect(field(container(text), "resources")).toEqual({
      limits: { cpu: "2", memory: "1536Mi" },
      requests: { memory: "1Gi" },
    });
  });

  it("refuses resource values that are not sizes or CPU counts, on their lines", () => {
    const text =
      "services:\n  app:\n    image: a\n    mem_limit: lots\n    deploy: { resources: { limits: { cpus: half } } }\n";
    expect(importComposeFile(text)).toEqual({
      ok: false,
      errors: [
        { line: 5, message: "half is not a valid CPU count" },
        { line: 4, message: "lots is not a valid memory size" },
      ],
    });
  });

  it("maps tmpfs and long-form tmpfs to memory-backed emptyDirs and anonymous volumes to emptyDirs", () => {
    const text = `services:
  app:
    image: a
    tmpfs: /run
    volumes:
      - /cache
      - { type: tmpfs, target: /tmp }
`;
    const { get, warnings } = objects(text);
    expect(field(get("Deployment", "app"), "spec.template.spec.volumes")).toEqual([
      { name: "scratch", emptyDir: {} },
      { name: "tmpfs", emptyDir: { medium: "Memory" } },
      { name: "tmpfs-2", emptyDir: { medium: "Memory" } },
    ]);
    expect(field(get("Deployment", "app"), "spec.template.spec.containers.0.volumeMounts")).toEqual([
      { name: "scratch", mountPath: "/cache" },
      { name: "tmpfs", mountPath: "/tmp" },
      { name: "tmpfs-2", mountPath: "/run" },
    ]);
    expect(warnings).toEqual([
      "the anonymous volume at /cache becomes an emptyDir: its data lives as long as the pod",
    ]);
  });

  it("references an external volume's claim without creating it", () => {
    const text =
      "services:\n  app: { image: a, volumes: ['shared:/data'] }\nvolumes:\n  shared: { external: true, name: team-share }\n";
    const { kinds, get, warnings } = objects(text);
    expect(kinds).toEqual(["Deployment/app"]);
    expect(field(get("Deployment", "app"), "spec.template.spec.volumes")).toEqual([
      { name: "team-share", persistentVolumeClaim: { claimName: "team-share" } },
    ]);
    expect(warnings).toEqual([
      "volume shared is external: PersistentVolumeClaim team-share must already exist",
    ]);
  });

  it("carries user, privileges, capabilities, working_dir, hostname, extra_hosts and the grace period", () => {
    const text = `services:
  app:
    image: a
    user: "1000:2000"
    privileged: true
    read_only: true
    cap_add: [NET_ADMIN]
    working_dir: /srv
    hostname: app-host
    extra_hosts: ["db.local:10.1.2.3", "cache.local=10.1.2.3"]
    stop_grace_period: 1m
    pull_policy: always
`;
    const spec = field(objects(text).get("Deployment", "app"), "spec.template.spec");
    expect(spec).toMatchObject({
      hostname: "app-host",
      terminationGracePeriodSeconds: 60,
      hostAliases: [{ ip: "10.1.2.3", hostnames: ["db.local", "cache.local"] }],
    });
    expect(field(spec, "containers.0")).toMatchObject({
      workingDir: "/srv",
      imagePullPolicy: "Always",
      securityContext: {
        privileged: true,
        readOnlyRootFilesystem: true,
        capabilities: { add: ["NET_ADMIN"] },
        runAsUser: 1000,
        runAsGroup: 2000,
      },
    });
  });

  it("keeps Compose labels as annotations but not kompose's own instructions", () => {
    const text =
      "services:\n  app:\n    image: a\n    labels: ['traefik.enable=true', 'kompose.volume.size=5Gi']\n";
    expect(field(objects(text).get("Deployment", "app"), "metadata.annotations")).toEqual({
      "traefik.enable": "true",
    });
  });

  it("warns about top-level keys it does not know, and about networks, secrets and include", () => {
    const text = `services:
  app: { image: a, secrets: [token] }
networks: { back: {} }
secrets: { token: { file: ./token } }
include: [other.yaml]
x-shared: { anything: goes }
flavour: vanilla
`;
    expect(objects(text).warnings).toEqual([
      "unknown top-level key flavour is ignored",
      "include is not followed: import the included Compose files on their own",
      "networks are not carried over: in a cluster every service reaches the others by their Service names",
      "secrets are not imported: create them as Kubernetes Secrets, their values never travel in a design",
      "secrets of app are not imported: mount Kubernetes Secrets in their place",
    ]);
  });

  it("warns about unset variables without a default and about required ones, naming the line", () => {
    const text = "services:\n  app:\n    image: 'a:${TAG}'\n    environment: ['K=${NEEDED:?set it}']\n";
    const result = importComposeFile(text);
    if (!result.ok) throw new Error("expected success");
    expect(result.warnings).toEqual([
      { line: 3, message: "variable TAG is not set and has no default: an empty string is used" },
      { line: 4, message: "variable NEEDED is required (set it) but not set: an empty string is used" },
    ]);
    expect(result.design.components[0]?.configuration).toMatchObject({
      spec: { template: { spec: { containers: [{ image: "a:", env: [{ name: "K", value: "" }] }] } } },
    });
  });
});
