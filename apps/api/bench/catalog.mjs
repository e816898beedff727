// bench:catalog: 10,000 published designs in PostgreSQL, the built API on Node, wrk against search and list; JSON lines out.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const entries = Number(process.env.BENCH_ENTRIES ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);

if (spawnSync("wrk", ["--version"]).error) {
  console.error("bench:catalog needs wrk (Debian: apt-get install wrk)");
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// A database of its own on the server, dropped at the end.
const database = `bench_catalog_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
admin.on("error", (error) => console.error("admin connection:", error.message));
await admin.connect();
await admin.query(`create database ${database}`);
const url = new URL(serverUrl);
url.pathname = `/${database}`;

const dataDir = mkdtempSync(join(tmpdir(), "meshplane-bench-"));
let api;
try {
  // The API migrates the fresh database on start.
  spawnSync(process.execPath, ["build.mjs"], { cwd: apiDir, stdio: "inherit" });
  const port = await freePort();
  api = spawn(process.execPath, ["dist/node.js"], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      API_PORT: String(port),
      API_HOST: "127.0.0.1",
      MESHPLANE_SECRETS_FILE: join(dataDir, "secrets.json"),
      NODE_ENV: "production",
      MESHPLANE_DEV_SIGN_IN: "false",
      MESHPLANE_INTERNAL_SECRET: "bench-internal-secret-0123456789abcdef",
      MESHPLANE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const db = new pg.Client({ connectionString: url.toString() });
  db.on("error", (error) => console.error("seed connection:", error.message));
  await db.connect();
  console.error("seeding");
  await seed(db, entries);
  await db.end();

  const targets = [
    ["list", "/api/catalog/designs"],
    ["list-popular-filtered", "/api/catalog/designs?sort=popular&type=Workloads"],
    ["search", "/api/catalog/designs?search=postgres"],
  ];
  for (const [name, path] of targets) {
    const run = spawnSync(
      "wrk",
      ["-t2", `-c${connections}`, `-d${seconds}s`, "--latency", `${base}${path}`],
      { encoding: "utf8" },
    );
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1] ?? Number.NaN);
    const p99 = toMs(/^\s+99%\s+([\d.]+\w+)/m.exec(run.stdout)?.[1]);
    const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(run.stdout)?.[1] ?? 0);
    console.log(
      JSON.stringify({
        bench: "catalog",
        endpoint: name,
        entries,
        connections,
        seconds,
        rps,
        p99_ms: p99,
        non_2xx: errors,
      }),
    );
  }
} finally {
  api?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}

function toMs(value) {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value ?? "");
  if (!match) return Number.NaN;
  const factor = { us: 0.001, ms: 1, s: 1000 }[match[2]];
  return Math.round(Number(match[1]) * factor * 100) / 100;
}

/** Published designs with varied names, types, kinds and counters, written in one statement per table. */
async function seed(db, count) {
  await db.query(
    `insert into users (id, email, name) values ('00000000-0000-4000-8000-000000000001', 'bench@meshplane.test', 'Bench')`,
  );
  await db.query(
    `insert into organizations (id, name, owner_id) values ('00000000-0000-4000-8000-000000000002', 'Bench', '00000000-0000-4000-8000-000000000001')`,
  );
  await db.query(
    `
    insert into designs (id, organization_id, name, latest_revision_number)
    select md5('d' || i)::uuid, '00000000-0000-4000-8000-000000000002',
           (array['postgres','redis','nginx','kafka','grafana','vault','etcd','minio'])[1 + i % 8] || '-' ||
           (array['cluster','cache','gateway','stack','backup','operator'])[1 + i % 6] || '-' || i, 1
    from generate_series(1, $1) as i`,
    [count],
  );
  await db.query(
    `
    insert into design_revisions (id, organization_id, design_id, number, content, content_hash)
    select md5('r' || i)::uuid, '00000000-0000-4000-8000-000000000002', md5('d' || i)::uuid, 1,
           jsonb_build_object('name', 'design ' || i, 'components', '[]'::jsonb, 'relationships', '[]'::jsonb), md5('h' || i)
    from generate_series(1, $1) as i`,
    [count],
  );
  await db.query(
    `
    insert into catalog_entries (organization_id, design_id, revision_id, type, technology, name, description,
                                 component_kinds, models, categories, component_count, search_text,
                                 view_count, clone_count, published_at)
    select '00000000-0000-4000-8000-000000000002', d.id, md5('r' || i)::uuid,
           (array['Deployment','Observability','Resiliency','Scaling','Security','Traffic-management','Troubleshooting','Workloads'])[1 + i % 8],
           'kubernetes', d.name, 'A reviewed design number ' || i || ' for ' || split_part(d.name, '-', 1),
           case i % 4 when 0 then array['Deployment','Service'] when 1 then array['StatefulSet','Service','PersistentVolumeClaim']
                      when 2 then array['CronJob','Secret'] else array['Ingress','Service','Deployment'] end,
           array['kubernetes'], array['Orchestration & Management'], 3,
           d.name || ' A reviewed design number ' || i, (i * 7919) % 1000, (i * 104729) % 50,
           now() - (i || ' minutes')::interval
    from generate_series(1, $1) as i join designs d on d.id = md5('d' || i)::uuid`,
    [count],
  );
  await db.query("analyze");
}
