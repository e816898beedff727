// bench:catalog: 10,000 published designs in PostgreSQL, the built API on Node, wrk against search and list; JSON lines out.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { seedCatalogBench } from "./seed.mjs";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const entries = Number(process.env.BENCH_ENTRIES ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
// A short unreported run first, so the numbers are the steady state, not the JIT and the pool filling up.
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);

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
  // The API migrates the fresh database on start. Its own bundle, so tests running dist/node.js are not disturbed.
  const bundle = "dist/bench/node.js";
  spawnSync(process.execPath, ["build.mjs", "--outfile", bundle], { cwd: apiDir, stdio: "inherit" });
  const port = await freePort();
  api = spawn(process.execPath, ["--import", "./bench/loop-delay.mjs", bundle], {
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
    stdio: ["ignore", "pipe", "inherit"],
  });
  const loopDelay = loopDelayReports(api);
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
  await seedCatalogBench(db, entries);
  await db.end();

  // wrk sends no Accept-Encoding, so the first three measure plain JSON; the last asks for gzip as browsers do.
  const targets = [
    ["list", "/api/catalog/designs"],
    ["list-popular-filtered", "/api/catalog/designs?sort=popular&type=Workloads"],
    ["search", "/api/catalog/designs?search=postgres"],
    ["list-gzip", "/api/catalog/designs", ["-H", "Accept-Encoding: gzip"]],
  ];
  for (const [name, path, headers = []] of targets) {
    const body = Buffer.from(await (await fetch(`${base}${path}`)).arrayBuffer());
    if (warmupSeconds > 0) wrk(`${base}${path}`, warmupSeconds, headers);
    await loopDelay.next();
    const loadBefore = loadAverage();
    const run = wrk(`${base}${path}`, seconds, headers);
    const loadAfter = loadAverage();
    const loop = await loopDelay.next();
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
        warmup_seconds: warmupSeconds,
        rps,
        p99_ms: p99,
        non_2xx: errors,
        body_bytes: body.length,
        body_gzip_bytes: gzipSync(body).length,
        event_loop_delay: loop.loopDelay,
        // Other work on the machine shows here: 1-minute load average before and after the run (2 cores).
        load_avg_1m: [loadBefore, loadAfter],
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

function wrk(url, duration, headers) {
  return spawnSync("wrk", ["-t2", `-c${connections}`, `-d${duration}s`, "--latency", ...headers, url], {
    encoding: "utf8",
  });
}

function loadAverage() {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** Asks the API (through bench/loop-delay.mjs) for its event-loop delay since the last ask. */
function loopDelayReports(child) {
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on("line", (line) => {
    if (line.startsWith('{"loopDelay"')) waiting.shift()?.(JSON.parse(line));
  });
  return {
    next: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.kill("SIGUSR2");
      }),
  };
}
