// bench:agent's harness: a fake cluster of N objects, a receiver standing in for the API, the agent as its own process.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeKubeApiServer } from "../src/testing/fake-kube-apiserver";

type Delta = {
  op: string;
  uid?: string;
  resourceVersion?: string;
  group?: string;
  kind?: string;
  apiVersion?: string;
  generation?: number;
};

/** The API's inventory semantics, in memory: enough to know when the agent delivered the whole cluster. */
function startReceiver() {
  const rows = new Map<string, { key: string; generation: number; rv: string }>();
  let batches = 0;
  const groupOf = (apiVersion = "") => (apiVersion.includes("/") ? apiVersion.split("/")[0] : "");
  function apply(deltas: Delta[]): string[] {
    const missing: string[] = [];
    for (const d of deltas) {
      if (d.op === "upsert" && d.uid)
        rows.set(d.uid, {
          key: `${groupOf(d.apiVersion)}/${d.kind}`,
          generation: d.generation ?? 0,
          rv: d.resourceVersion ?? "",
        });
      else if (d.op === "keep" && d.uid) {
        const row = rows.get(d.uid);
        if (row && row.rv === d.resourceVersion) row.generation = d.generation ?? 0;
        else missing.push(d.uid);
      } else if (d.op === "delete" && d.uid) rows.delete(d.uid);
      else if (d.op === "snapshot") {
        for (const [uid, row] of rows)
          if (row.key === `${d.group}/${d.kind}` && row.generation !== d.generation) rows.delete(uid);
      }
    }
    return missing;
  }
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
  const server = createServer(async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    const body = await read(req);
    if (path === "/api/agents/register")
      return json(res, 201, {
        agentId: "00000000-0000-4000-8000-000000000001",
        organizationId: "00000000-0000-4000-8000-000000000002",
        connectionId: "00000000-0000-4000-8000-000000000003",
        credential: "mpa_bench",
        credentialExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
    if (path === "/api/agents/jobs") return json(res, 200, { jobs: [], nextPollSeconds: 30 });
    if (path === "/api/agents/heartbeat")
      return json(res, 200, {
        connectionId: "00000000-0000-4000-8000-000000000003",
        status: "connected",
        nextHeartbeatSeconds: 30,
      });
    if (path === "/api/agents/inventory") {
      batches++;
      const { deltas } = JSON.parse(body) as { deltas: Delta[] };
      return json(res, 200, { applied: deltas.length, missing: apply(deltas) });
    }
    return json(res, 404, { error: { code: "NOT_FOUND", message: path, requestId: "bench" } });
  });
  return new Promise<{ url: string; rows: typeof rows; batches: () => number; close: () => void }>(
    (resolve) => {
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        resolve({
          url: `http://127.0.0.1:${port}`,
          rows,
          batches: () => batches,
          close: () => server.close(),
        });
      });
    },
  );
}

/** A cluster shaped like a busy one: namespaces of Deployments, Pods, Services, ConfigMaps and Secrets. */
function seed(fake: Awaited<ReturnType<typeof startFakeKubeApiServer>>, objects: number) {
  const perNamespace = 100;
  let made = fake.allObjects().length;
  for (let ns = 0; made < objects; ns++) {
    const namespace = `team-${ns}`;
    fake.put("namespaces", undefined, namespace, {
      metadata: { name: namespace, labels: { team: namespace } },
    });
    made++;
    for (let i = 0; i < perNamespace && made < objects; i++, made++) {
      const app = `app-${Math.floor(i / 10)}`;
      const labels = { app, "app.kubernetes.io/part-of": namespace };
      const annotations = {
        "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify({
          metadata: { name: `x-${i}`, labels },
        }),
      };
      const kind = i % 10;
      if (kind < 5)
        fake.put("pods", namespace, `${app}-pod-${i}`, {
          metadata: { name: `${app}-pod-${i}`, labels, annotations },
          spec: {
            containers: [
              {
                name: "main",
                image: `registry.example/${app}:1.${i}`,
                ports: [{ containerPort: 8080 }],
                resources: { requests: { cpu: "100m", memory: "128Mi" } },
                env: [{ name: "MODE", value: "production" }],
              },
            ],
            nodeName: `node-${i % 3}`,
            serviceAccountName: "default",
          },
          status: {
            phase: "Running",
            podIP: `10.0.${ns % 250}.${i}`,
            conditions: [{ type: "Ready", status: "True" }],
          },
        });
      else if (kind < 7)
        fake.put("configmaps", namespace, `${app}-config-${i}`, {
          metadata: { name: `${app}-config-${i}`, labels, annotations },
          data: { "settings.yaml": `replicas: ${i}\nlevel: info\n`.repeat(4) },
        });
      else if (kind === 7)
        fake.put("secrets", namespace, `${app}-secret-${i}`, {
          metadata: { name: `${app}-secret-${i}`, labels, annotations },
          type: "Opaque",
          data: { password: Buffer.from(`pw-${ns}-${i}`).toString("base64") },
        });
      else if (kind === 8)
        fake.put("services", namespace, `${app}-svc-${i}`, {
          metadata: { name: `${app}-svc-${i}`, labels },
          spec: { selector: { app }, ports: [{ port: 80, targetPort: 8080 }] },
        });
      else
        fake.put(
          "deployments",
          namespace,
          `${app}-${i}`,
          {
            metadata: { name: `${app}-${i}`, labels, annotations },
            spec: {
              replicas: 2,
              selector: { matchLabels: { app } },
              template: {
                metadata: { labels },
                spec: { containers: [{ name: "main", image: `registry.example/${app}:1` }] },
              },
            },
          },
          "apps",
        );
    }
  }
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

/** Node's flags as the image's ENTRYPOINT passes them, so the bench runs the agent the way clusters do. */
function imageNodeFlags(agentDir: string): string[] {
  const dockerfile = readFileSync(join(agentDir, "Dockerfile"), "utf8");
  const entrypoint = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
  const argv = entrypoint ? (JSON.parse(entrypoint) as string[]) : ["node", "index.js"];
  return argv.slice(1, -1);
}

async function run(
  { bundle, agentDir }: { bundle: string; agentDir: string },
  objects: number,
  phase: "baseline" | "initial-sync" | "steady",
  steadyMs: number,
) {
  const fake = await startFakeKubeApiServer({ historyLimit: 1_000, bookmarkIntervalMs: 5_000 });
  seed(fake, objects);
  const receiver = await startReceiver();
  const dir = mkdtempSync(join(tmpdir(), "bench-agent-"));
  writeFileSync(join(dir, "kubeconfig"), fake.kubeconfig());
  const started = Date.now();
  const flags = imageNodeFlags(agentDir);
  const agent = spawn(process.execPath, [...flags, bundle], {
    env: {
      PATH: process.env.PATH,
      MESHPLANE_URL: receiver.url,
      MESHPLANE_BOOTSTRAP_TOKEN: "mpb_bench",
      KUBECONFIG: join(dir, "kubeconfig"),
      AGENT_CREDENTIAL_STORE: "file",
      AGENT_STATE_DIR: join(dir, "state"),
      AGENT_HEALTH_PORT: "0",
      AGENT_HEALTH_HOST: "127.0.0.1",
      POD_NAMESPACE: "default",
      LOG_LEVEL: "warn",
      AGENT_INVENTORY: phase === "baseline" ? "off" : "on",
      ...(process.env.AGENT_INVENTORY_PAGE_SIZE
        ? { AGENT_INVENTORY_PAGE_SIZE: process.env.AGENT_INVENTORY_PAGE_SIZE }
        : {}),
      // For experiments with V8's heap sizing; the numbers to report are those without it.
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const pid = agent.pid as number;
  const want = new Map(
    fake.allObjects().map((o) => [o.metadata.uid as string, o.metadata.resourceVersion as string]),
  );
  const complete = () =>
    receiver.rows.size === want.size && [...want].every(([uid, rv]) => receiver.rows.get(uid)?.rv === rv);
  let peak = 0;
  try {
    if (phase === "baseline") {
      // The agent registered and idle, with no inventory: what the process costs before any object.
      await new Promise((resolve) => setTimeout(resolve, steadyMs));
      const { rssMb, peakMb } = memoryOf(pid);
      console.log(
        JSON.stringify({
          bench: "agent",
          phase,
          inventory: "off",
          rss_mb: round(rssMb),
          peak_rss_mb: round(peakMb),
          node_flags: flags.join(" "),
        }),
      );
      return;
    }
    while (!complete()) {
      if (agent.exitCode !== null) throw new Error(`the agent exited with ${agent.exitCode}`);
      if (Date.now() - started > 120_000)
        throw new Error(`sync incomplete after 120 s: ${receiver.rows.size}/${want.size}`);
      peak = Math.max(peak, memoryOf(pid).peakMb);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (Date.now() - started) / 1000;
    peak = Math.max(peak, memoryOf(pid).peakMb);
    if (phase === "initial-sync") {
      console.log(
        JSON.stringify({
          bench: "agent",
          phase,
          objects: want.size,
          seconds: round(seconds, 2),
          peak_rss_mb: round(peak),
          batches: receiver.batches(),
        }),
      );
    } else {
      // Steady state: watches open, a trickle of changes, the initial sync's garbage given time to go.
      const until = Date.now() + steadyMs;
      let n = 0;
      const samples: number[] = [];
      while (Date.now() < until) {
        fake.put("configmaps", "team-0", `churn-${n++ % 20}`, { data: { n: String(n) } });
        samples.push(memoryOf(pid).rssMb);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const late = samples.slice(-Math.max(1, Math.floor(samples.length / 3)));
      console.log(
        JSON.stringify({
          bench: "agent",
          phase,
          objects: want.size,
          rss_mb: round(late.reduce((a, b) => a + b, 0) / late.length),
          peak_rss_mb: round(memoryOf(pid).peakMb),
          sync_seconds: round(seconds, 2),
        }),
      );
    }
  } finally {
    agent.kill("SIGTERM");
    await new Promise((resolve) => agent.once("exit", resolve));
    receiver.close();
    await fake.close();
  }
}

export async function main(bundle: string, agentDir: string) {
  const agent = { bundle, agentDir };
  const initial = Number(process.env.BENCH_OBJECTS ?? 10_000);
  const steady = Number(process.env.BENCH_STEADY_OBJECTS ?? 5_000);
  const steadyMs = Number(process.env.BENCH_STEADY_SECONDS ?? 20) * 1000;
  await run(agent, 0, "baseline", 5_000);
  await run(agent, initial, "initial-sync", 0);
  await run(agent, steady, "steady", steadyMs);
}
