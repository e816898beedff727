// `npm run bench`: wrk and our generator against the same local server, same connections and duration, each
// pinned to its own core, printing one JSON line with both rates and their ratio. Speed goals live here,
// never in tests. Env: BENCH_DURATION_S (default 5), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (default 3).
// The two clients alternate for BENCH_ROUNDS rounds and each keeps its best: other work on a shared machine
// only ever slows a client down, so the best round is the least disturbed one. CPU time per request (user +
// system, from bash's `times`) is reported too: it says how lean each client is even on a busy machine.
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

if (spawnSync("wrk", ["-v"]).error) {
  fail("wrk is not installed (on Debian/Ubuntu: apt-get install wrk); it is the baseline");
}
// Without taskset the processes share cores, which makes the ratio noisier but still meaningful.
const pinning = !spawnSync("taskset", ["-c", "0", "true"]).error;
const pinned = (core, command, args) =>
  pinning ? ["taskset", ["-c", String(core), command, ...args]] : [command, args];
const hasBash = !spawnSync("bash", ["-c", "true"]).error;

/** Runs a client on core 1; under bash when there is one, whose `times` then reports the CPU it used. */
function runClient(command, args) {
  const [program, programArgs] = pinned(1, command, args);
  const [shell, shellArgs] = hasBash
    ? ["bash", ["-c", '"$@"; status=$?; times >&2; exit $status', "bash", program, ...programArgs]]
    : [program, programArgs];
  const result = spawnSync(shell, shellArgs, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} failed: ${result.stderr || result.error}`);
  // The last line of `times` is the children's user and system time, e.g. "0m0.099s 0m1.397s".
  const cpu = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(result.stderr);
  const cpuSeconds =
    cpu === null ? null : Number(cpu[1]) * 60 + Number(cpu[2]) + Number(cpu[3]) * 60 + Number(cpu[4]);
  return { stdout: result.stdout, cpuSeconds };
}

async function startServer() {
  const child = spawn(...pinned(0, process.execPath, [here("./server.mjs")]), {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = await once(createInterface({ input: child.stdout }), "line");
  return { child, url: `http://127.0.0.1:${JSON.parse(line).port}/` };
}

function wrk(url, seconds) {
  const { stdout, cpuSeconds } = runClient("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, url]);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1];
  const requests = /(\d+) requests in/.exec(stdout)?.[1];
  if (rps === undefined || requests === undefined) fail(`cannot read wrk's output:\n${stdout}`);
  return { rps: Number(rps), requests: Number(requests), cpuSeconds };
}

function ours(url, seconds) {
  const cli = here("../dist/cli.js");
  const args = [cli, "--json", "-t", "1", "-c", String(connections), "-d", `${seconds}s`, url];
  const { stdout, cpuSeconds } = runClient(process.execPath, args);
  const result = JSON.parse(stdout);
  return { rps: result.rps, requests: result.requests, cpuSeconds, result };
}

const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
// Microseconds of CPU per request, from the least disturbed round; ours includes Node's start-up.
const cpuPerRequest = (runs) => {
  const costs = runs.filter((r) => r.cpuSeconds !== null).map((r) => (r.cpuSeconds * 1e6) / r.requests);
  return costs.length === 0 ? null : Number(Math.min(...costs).toFixed(2));
};

await buildLoadgen();
const server = await startServer();
try {
  // Warm the server's JIT first, so neither measured client pays for it.
  wrk(server.url, 1);
  const wrkRuns = [];
  const ourRuns = [];
  for (let round = 0; round < rounds; round++) {
    wrkRuns.push(wrk(server.url, durationS));
    ourRuns.push(ours(server.url, durationS));
  }
  const [bestWrk, bestOurs] = [best(wrkRuns), best(ourRuns)];
  const [wrkCpu, ourCpu] = [cpuPerRequest(wrkRuns), cpuPerRequest(ourRuns)];
  const line = {
    bench: "loadgen",
    wrk_rps: Math.round(bestWrk.rps),
    ours_rps: Math.round(bestOurs.rps),
    ratio: Number((bestOurs.rps / bestWrk.rps).toFixed(3)),
    connections,
    duration_s: durationS,
    rounds,
    pinned: pinning,
    wrk_rounds: wrkRuns.map((r) => Math.round(r.rps)),
    ours_rounds: ourRuns.map((r) => Math.round(r.rps)),
    wrk_cpu_us_per_request: wrkCpu,
    ours_cpu_us_per_request: ourCpu,
    cpu_ratio: wrkCpu === null || ourCpu === null ? null : Number((wrkCpu / ourCpu).toFixed(3)),
    ours_p50_ms: bestOurs.result.latency.p50,
    ours_p99_ms: bestOurs.result.latency.p99,
    ours_errors: Object.values(bestOurs.result.errors).reduce((sum, count) => sum + count, 0),
    ours_thread_busy: Number(bestOurs.result.perThread[0].busy.toFixed(3)),
  };
  console.log(JSON.stringify(line));
} finally {
  server.child.kill("SIGTERM");
}
