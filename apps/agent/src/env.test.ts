import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

function problemsOf(source: Record<string, string | undefined>): string[] {
  const result = parseEnv(source);
  if (result.ok) throw new Error("expected configuration problems");
  return result.problems;
}

describe("parseEnv", () => {
  it("applies defaults when only the URL is set", () => {
    expect(parseEnv({ MESHPLANE_URL: "https://meshplane.example.com" })).toEqual({
      ok: true,
      config: {
        meshplaneUrl: "https://meshplane.example.com",
        bootstrapToken: undefined,
        healthPort: 8080,
        healthHost: "0.0.0.0",
        shutdownTimeoutMs: 10_000,
        logLevel: "info",
        stateDir: "/var/lib/meshplane-agent",
        credentialStore: "secret",
        namespace: "meshplane-agent",
        kubeconfig: undefined,
        caFile: undefined,
        extraCaFile: undefined,
        httpsProxy: undefined,
        httpProxy: undefined,
        noProxy: undefined,
      },
    });
  });

  it("reads every variable when set", () => {
    const result = parseEnv({
      MESHPLANE_URL: "http://localhost:8787",
      MESHPLANE_BOOTSTRAP_TOKEN: "mpb_abc",
      AGENT_HEALTH_PORT: "0",
      AGENT_HEALTH_HOST: "127.0.0.1",
      AGENT_SHUTDOWN_TIMEOUT_MS: "2500",
      LOG_LEVEL: "debug",
    });
    expect(result).toMatchObject({
      ok: true,
      config: { bootstrapToken: "mpb_abc", healthPort: 0, healthHost: "127.0.0.1", shutdownTimeoutMs: 2500 },
    });
  });

  it("reads the proxy from either spelling, upper case first", () => {
    const result = parseEnv({
      MESHPLANE_URL: "https://m.example",
      https_proxy: "http://lower:3128",
      HTTPS_PROXY: "http://upper:3128",
      no_proxy: ".cluster.local",
    });
    expect(result).toMatchObject({
      ok: true,
      config: { httpsProxy: "http://upper:3128", noProxy: ".cluster.local" },
    });
  });

  it("treats empty strings as unset", () => {
    const result = parseEnv({ MESHPLANE_URL: "https://m.example", AGENT_HEALTH_PORT: "", LOG_LEVEL: " " });
    expect(result).toMatchObject({ ok: true, config: { healthPort: 8080, logLevel: "info" } });
  });

  it("reports a missing URL as required", () => {
    expect(problemsOf({})).toEqual(["MESHPLANE_URL: is required"]);
  });

  it("rejects a URL that is not http(s)", () => {
    expect(problemsOf({ MESHPLANE_URL: "not a url" })).toEqual([
      "MESHPLANE_URL: must be an http:// or https:// URL",
    ]);
    expect(problemsOf({ MESHPLANE_URL: "ftp://meshplane.example.com" })).toHaveLength(1);
  });

  it("rejects ports that are not whole numbers in range", () => {
    for (const port of ["65536", "-1", "80.5", "http", "1e3"]) {
      const problems = problemsOf({ MESHPLANE_URL: "https://m.example", AGENT_HEALTH_PORT: port });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^AGENT_HEALTH_PORT: /);
    }
  });

  it("lists one line per problem", () => {
    const problems = problemsOf({ AGENT_SHUTDOWN_TIMEOUT_MS: "soon", LOG_LEVEL: "trace" });
    expect(problems).toEqual([
      "MESHPLANE_URL: is required",
      "AGENT_SHUTDOWN_TIMEOUT_MS: must be a whole number",
      "LOG_LEVEL: must be one of debug, info, warn, error",
    ]);
  });

  it("never echoes the bootstrap token or other values into problem text", () => {
    const token = "mpb_s3cr3t_value_that_must_not_leak";
    const problems = problemsOf({
      MESHPLANE_URL: token,
      MESHPLANE_BOOTSTRAP_TOKEN: token,
      AGENT_HEALTH_PORT: token,
      LOG_LEVEL: token,
    });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).not.toContain(token);
  });
});
