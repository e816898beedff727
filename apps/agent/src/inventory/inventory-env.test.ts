import { describe, expect, it } from "vitest";
import { parseInventoryEnv } from "./inventory-env";
import { DEFAULT_EXCLUDED } from "./watch-set";

describe("parseInventoryEnv", () => {
  it("defaults to on, without the noisy kinds, resyncing every 30 minutes", () => {
    expect(parseInventoryEnv({})).toEqual({
      ok: true,
      settings: {
        enabled: true,
        exclude: DEFAULT_EXCLUDED,
        include: undefined,
        resyncMs: 1_800_000,
        pageSize: 500,
      },
    });
    // Helm renders unset values as "": that is "not set".
    expect(parseInventoryEnv({ AGENT_INVENTORY_EXCLUDE: " " })).toMatchObject({
      settings: { exclude: DEFAULT_EXCLUDED },
    });
  });

  it("reads lists of plural or plural.group, and the switches", () => {
    const parsed = parseInventoryEnv({
      AGENT_INVENTORY: "off",
      AGENT_INVENTORY_EXCLUDE: "secrets, leases.coordination.k8s.io",
      AGENT_INVENTORY_INCLUDE: "pods,deployments.apps",
      AGENT_INVENTORY_RESYNC_SECONDS: "600",
      AGENT_INVENTORY_PAGE_SIZE: "100",
    });
    expect(parsed).toEqual({
      ok: true,
      settings: {
        enabled: false,
        exclude: ["secrets", "leases.coordination.k8s.io"],
        include: ["pods", "deployments.apps"],
        resyncMs: 600_000,
        pageSize: 100,
      },
    });
  });

  it("names each bad variable", () => {
    const parsed = parseInventoryEnv({
      AGENT_INVENTORY: "maybe",
      AGENT_INVENTORY_EXCLUDE: "Pods/Status",
      AGENT_INVENTORY_RESYNC_SECONDS: "5",
      AGENT_INVENTORY_PAGE_SIZE: "1e3",
    });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems.join("\n");
    for (const name of [
      "AGENT_INVENTORY:",
      "AGENT_INVENTORY_EXCLUDE",
      "AGENT_INVENTORY_RESYNC_SECONDS",
      "AGENT_INVENTORY_PAGE_SIZE",
    ])
      expect(problems).toContain(name);
  });
});
