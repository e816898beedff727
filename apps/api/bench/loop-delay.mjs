// Loaded into the benched API with --import: on SIGUSR2 it prints the event loop's delay since the last report as one JSON line.
import { monitorEventLoopDelay } from "node:perf_hooks";

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;

process.on("SIGUSR2", () => {
  process.stdout.write(
    `${JSON.stringify({
      loopDelay: {
        p50_ms: ms(histogram.percentile(50)),
        p99_ms: ms(histogram.percentile(99)),
        max_ms: ms(histogram.max),
      },
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    })}\n`,
  );
  histogram.reset();
});
