// A Compose healthcheck as a Kubernetes liveness probe that runs the same command on the same schedule.
import { durationSeconds, wholeSeconds } from "./durations";
import type { ComposeProblems, YamlPath } from "./problems";

export type ExecProbe = {
  exec: { command: string[] };
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  initialDelaySeconds?: number;
};

// Compose's defaults differ from Kubernetes' (a 30 s timeout, not 1 s): we write them out so the probe
// behaves as the container did under Compose.
const COMPOSE_DEFAULTS = { interval: 30, timeout: 30, retries: 3 };

export function livenessProbe(
  value: unknown,
  at: YamlPath,
  problems: ComposeProblems,
): ExecProbe | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.error(at, "healthcheck must be a mapping with a test");
    return undefined;
  }
  const healthcheck = value as Record<string, unknown>;
  if (healthcheck.disable === true) return undefined;
  if (healthcheck.test === undefined) {
    problems.warn(
      at,
      "a healthcheck without test relies on the image's HEALTHCHECK, which Kubernetes ignores",
    );
    return undefined;
  }
  const command = probeCommand(healthcheck.test, [...at, "test"], problems);
  if (!command) return undefined;
  const seconds = (key: "interval" | "timeout" | "start_period") => {
    const raw = healthcheck[key];
    if (raw === undefined) return undefined;
    const parsed = durationSeconds(raw);
    if (parsed === undefined)
      problems.error([...at, key], `${key} "${String(raw)}" is not a duration such as 30s or 1m30s`);
    return parsed;
  };
  const retries = healthcheck.retries ?? COMPOSE_DEFAULTS.retries;
  if (typeof retries !== "number" || !Number.isInteger(retries) || retries < 1) {
    problems.error([...at, "retries"], "retries must be a whole number of at least 1");
  }
  const startPeriod = seconds("start_period");
  return {
    exec: { command },
    periodSeconds: wholeSeconds(seconds("interval") ?? COMPOSE_DEFAULTS.interval, 1),
    timeoutSeconds: wholeSeconds(seconds("timeout") ?? COMPOSE_DEFAULTS.timeout, 1),
    failureThreshold:
      typeof retries === "number" && retries >= 1 ? Math.floor(retries) : COMPOSE_DEFAULTS.retries,
    ...(startPeriod ? { initialDelaySeconds: wholeSeconds(startPeriod, 0) } : {}),
  };
}

/** `["CMD", ...]` runs as is; `["CMD-SHELL", "..."]` and a plain string go through /bin/sh -c. */
function probeCommand(test: unknown, at: YamlPath, problems: ComposeProblems): string[] | undefined {
  if (typeof test === "string") return test.trim() === "" ? undefined : ["/bin/sh", "-c", test];
  if (!Array.isArray(test) || !test.every((part) => typeof part === "string" || typeof part === "number")) {
    problems.error(at, "test must be a string or a list of strings");
    return undefined;
  }
  const [form, ...rest] = test.map(String);
  if (form === "NONE") return undefined;
  if (form === "CMD" && rest.length > 0) return rest;
  if (form === "CMD-SHELL" && rest.length > 0) return ["/bin/sh", "-c", rest.join(" ")];
  problems.error(at, 'test must start with "CMD", "CMD-SHELL" or "NONE" and name a command');
  return undefined;
}
