// Owns the agent process: read config, start, and translate signals into a graceful (or forced) exit.
import { parseEnv } from "./env";
import { parseInventoryEnv } from "./inventory/inventory-env";
import { startAgent } from "./lifecycle";
import { createLogger } from "./log";

// EX_CONFIG from sysexits.h: the operator has to fix the configuration, retrying will not help.
const EX_CONFIG = 78;

async function main(): Promise<void> {
  const parsed = parseEnv(process.env);
  const inventory = parseInventoryEnv(process.env);
  if (!parsed.ok || !inventory.ok) {
    const problems = [...(parsed.ok ? [] : parsed.problems), ...(inventory.ok ? [] : inventory.problems)];
    process.stderr.write(
      `meshplane-agent: invalid configuration\n${problems.map((p) => `  - ${p}\n`).join("")}`,
    );
    process.exit(EX_CONFIG);
  }

  const log = createLogger({ level: parsed.config.logLevel });
  const agent = await startAgent(parsed.config, { log, inventory: inventory.settings });

  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      log.warn("second signal received, exiting without waiting for work", { signal });
      process.exit(1);
    }
    signalled = true;
    log.info("signal received, shutting down", { signal });
    agent.stop().then(
      ({ drained }) => process.exit(drained ? 0 : 1),
      (err: unknown) => {
        log.error("shutdown failed", { err });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

main().catch((err: unknown) => {
  // Reached when startup fails, e.g. the health port is taken; the stack helps more than a JSON line here.
  process.stderr.write(
    `meshplane-agent: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
