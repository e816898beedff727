// The command-line entry: `node dist/cli.js [options] <url>` (build.mjs bundles it). Exit codes: 0 a full
// run, 1 a run that ended early or could not start, 2 a usage or option error.
import { CliUsageError, parseCommandLine, USAGE } from "./cli-args";
import { ERROR_CLASSES } from "./engine/error-classes";
import { LoadOptionsError } from "./options";
import type { LatencySummary, LoadResult } from "./run/load-result";
import { runLoad } from "./run/run-load";
import { TargetUnreachableError } from "./run/target";

function latencyLine(label: string, latency: LatencySummary): string {
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  return `  ${label.padEnd(13)} p50 ${ms(latency.p50)}  p90 ${ms(latency.p90)}  p99 ${ms(latency.p99)}  p99.9 ${ms(latency["p99.9"])}  max ${ms(latency.max)}`;
}

function describeResult(result: LoadResult): string {
  const model = result.model === "open" ? `open model at ${result.rate} rps` : "closed model";
  const lines = [
    `${result.url}: ${model}, ${result.connections} connections, ${result.threads} threads, pipelining ${result.pipelining}`,
    `  ${result.requests} requests in ${(result.durationMs / 1000).toFixed(2)} s: ${result.rps.toFixed(1)} rps`,
    latencyLine("latency", result.latency),
  ];
  if (result.model === "open") lines.push(latencyLine("service time", result.serviceTime));
  const statuses = Object.entries(result.statusCodes).map(([status, count]) => `${status}: ${count}`);
  lines.push(`  status codes  ${statuses.join(", ") || "none"}`);
  const errors = ERROR_CLASSES.filter((name) => result.errors[name] > 0);
  for (const name of errors)
    lines.push(`  ${name} errors: ${result.errors[name]} (${result.errorSamples[name] ?? ""})`);
  // k6's advice: a generator above ~80% CPU measures itself as much as the target.
  result.perThread.forEach((thread, index) => {
    if (thread.busy > 0.8) {
      lines.push(
        `  note: load thread ${index} was busy ${Math.round(thread.busy * 100)}% of the run: the client may be the bottleneck`,
      );
    }
  });
  if (result.endedEarly !== null) {
    lines.push(
      `  ended early at ${(result.endedEarly.atMs / 1000).toFixed(2)} s: ${result.endedEarly.cause}`,
    );
  }
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.help) {
      console.log(USAGE);
      return 0;
    }
    const result = await runLoad(command.options);
    console.log(command.json ? JSON.stringify(result) : describeResult(result));
    return result.endedEarly === null ? 0 : 1;
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof LoadOptionsError) {
      console.error(`loadgen: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof TargetUnreachableError) {
      console.error(`loadgen: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
