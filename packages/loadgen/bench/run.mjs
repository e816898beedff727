// `npm run bench`: wrk and our generator against the same local server, same connections and duration, each
// pinned to its own core, printing one JSON line with both rates and their ratio. Speed goals live here,
// never in tests. Env: BENCH_DURATION_S (default 5), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (default 3).
// The two clients alternate for BENCH_ROUNDS rounds and each keeps its best: other work on a shared machine
// only ever slows a client down, so the best round is the least disturbed one.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { buildLoadgen } from "../build.mjs";

const durationS = Number(process.env.BENCH_DURATION_S ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

if (spawnSync("wrk", ["-v"]).error)
  fail("wrk is not installed (on Debian/Ubuntu: apt-get install wrk); it is the baseline");
// Without taskset the processes share cores, which makes the ratio noisier but still meaningful.
const pinning = !spawnSync("taskset", ["-c", "0", "true"]).error;
const pinned = (core, command, args) =>
  pinning ? ["taskset", ["-c", String(core), command, ...args]] : [command, args];

function run(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

async function startServer() {
  const child = spawn(...pinned(0, process.execPath, [here("./server.mjs")]), {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = await once(createInterface({ input: child.stdout }), "line");
  return { child, url: `http://127.0.0.1:${JSON.parse(line).port}/` };
}

function wrk(url, seconds) {
  const output = run(...pinned(1, "wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", url]));
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)?.[1];
  if (rps === undefined) fail(`cannot read wrk's output:\n${output}`);
  return Number(rps);
}

await buildLoadgen();
const server = await startServer();
try {
  // Warm the server's JIT first, so neither measured client pays for it.
  wrk(server.url, 1);
  const cli = here("../dist/cli.js");
  const ours = () =>
    JSON.parse(
      run(
        ...pinned(1, process.execPath, [
          cli,
          "--json",
          "-t",
          "1",
          "-c",
          String(connections),
          "-d",
          `${durationS}s`,
          server.url,
        ]),
      ),
    );
  const wrkRuns = [];
  const ourRuns = [];
  for (let round = 0; round < rounds; round++) {
    wrkRuns.push(wrk(server.url, durationS));
    ourRuns.push(ours());
  }
  const wrkRps = Math.max(...wrkRuns);
  const best = ourRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
  const line = {
    bench: "loadgen",
    wrk_rps: Math.round(wrkRps),
    ours_rps: Math.round(best.rps),
    ratio: Number((best.rps / wrkRps).toFixed(3)),
    connections,
    duration_s: durationS,
    rounds,
    pinned: pinning,
    wrk_rounds: wrkRuns.map(Math.round),
    ours_rounds: ourRuns.map((result) => Math.round(result.rps)),
    ours_p50_ms: best.latency.p50,
    ours_p99_ms: best.latency.p99,
    ours_errors: Object.values(best.errors).reduce((sum, count) => sum + count, 0),
  };
  console.log(JSON.stringify(line));
} finally {
  server.child.kill("SIGTERM");
}
