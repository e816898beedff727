import { describe, expect, it } from "vitest";
import { installCommands, objectReportsOf, outcomeOf, timeAgo } from "./clusters-format";

describe("installCommands", () => {
  it("puts the token and URL into both commands, quoted for a POSIX shell", () => {
    const { helm, kubectl } = installCommands({
      apiUrl: "https://api.example.test",
      token: "mpb_abc-DEF_123",
    });
    expect(helm).toMatch(/^helm install meshplane-agent oci:\/\//);
    expect(helm).toContain("--set meshplane.url='https://api.example.test'");
    expect(helm).toContain("--set bootstrapToken='mpb_abc-DEF_123'");
    expect(kubectl).toContain("s|REPLACE_WITH_BOOTSTRAP_TOKEN|mpb_abc-DEF_123|");
    // The API serves the manifest pointed at itself: the URL is fetched, never substituted by sed.
    expect(kubectl).toMatch(
      /^curl -fsSL 'https:\/\/api\.example\.test\/api\/agents\/install\/manifest\.yaml'/,
    );
    expect(kubectl.trim().endsWith("kubectl apply -f -")).toBe(true);
  });

  it("keeps hostile values inert: quotes cannot close, sed's specials are escaped", () => {
    const { helm, kubectl } = installCommands({
      apiUrl: "https://x.test/a|b&c\\d'; rm -rf /",
      token: "t|&\\'; id",
    });
    expect(helm).toContain(`--set bootstrapToken='t|&\\'\\''; id'`);
    expect(kubectl).toContain(`'https://x.test/a|b&c\\d'\\''; rm -rf /api/agents/install/manifest.yaml'`);
    expect(kubectl).toContain("t\\|\\&\\\\");
    // Every single quote that opens is closed: an even count outside the escaped ones.
    const unescaped = kubectl.replaceAll(`'\\''`, "").match(/'/g) ?? [];
    expect(unescaped.length % 2).toBe(0);
  });
});

describe("timeAgo", () => {
  const now = Date.parse("2026-12-06T17:00:00Z");
  it("says how long ago in the largest sensible unit", () => {
    expect(timeAgo(null, now)).toBe("never");
    expect(timeAgo("2026-12-06T16:59:58Z", now)).toBe("just now");
    expect(timeAgo("2026-12-06T16:59:18Z", now)).toBe("42 s ago");
    expect(timeAgo("2026-12-06T16:55:00Z", now)).toBe("5 min ago");
    expect(timeAgo("2026-12-06T14:00:00Z", now)).toBe("3 h ago");
    expect(timeAgo("2026-12-05T16:00:00Z", now)).toBe("1 day ago");
    expect(timeAgo("2026-12-01T16:00:00Z", now)).toBe("5 days ago");
    expect(timeAgo("not a date", now)).toBe("unknown");
    // A clock a little ahead of ours is not "in the future".
    expect(timeAgo("2026-12-06T17:00:03Z", now)).toBe("just now");
  });
});

describe("objectReportsOf", () => {
  it("reads actions, health, changes and the API server's causes", () => {
    const reports = objectReportsOf({
      objects: [
        { kind: "Deployment", namespace: "shop", name: "web", action: "configured", health: "healthy" },
        {
          kind: "ConfigMap",
          namespace: "shop",
          name: "settings",
          action: "wouldConfigure",
          changes: [{}, {}],
        },
        {
          kind: "Job",
          namespace: "shop",
          name: "migrate",
          action: "failed",
          error: {
            reason: "Invalid",
            message: "field is immutable",
            causes: [{ field: "spec.selector", message: "field is immutable" }],
          },
        },
      ],
    });
    expect(reports.map((r) => r.action)).toEqual(["configured", "wouldConfigure", "failed"]);
    expect(reports[0]?.health).toBe("healthy");
    expect(reports[1]?.changes).toBe(2);
    expect(reports[2]?.error?.causes).toEqual([{ field: "spec.selector", message: "field is immutable" }]);
  });

  it("shrugs off results that are not what an agent sends", () => {
    for (const junk of [null, 1, "x", [], { objects: "nope" }, { objects: [null, 3, "x"] }]) {
      expect(objectReportsOf(junk)).toEqual([]);
    }
    const [odd] = objectReportsOf({ objects: [{ kind: 7, name: { a: 1 }, error: { causes: "no" } }] });
    expect(odd).toMatchObject({ kind: "?", name: "?", action: "unknown" });
  });
});

describe("outcomeOf", () => {
  it("tells a timeout from a failure the agent reported", () => {
    expect(outcomeOf({ status: "acknowledged", result: null })).toBe("waiting");
    expect(outcomeOf({ status: "succeeded", result: {} })).toBe("succeeded");
    expect(outcomeOf({ status: "failed", result: { objects: [] } })).toBe("failed");
    expect(outcomeOf({ status: "failed", result: { timedOut: true } })).toBe("timedOut");
  });
});
