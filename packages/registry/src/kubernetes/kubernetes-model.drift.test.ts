import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const generator = fileURLToPath(new URL("../../scripts/generate-kubernetes-model.mjs", import.meta.url));
const committed = fileURLToPath(new URL("./generated/kubernetes-model.json", import.meta.url));

describe("the committed Kubernetes model", () => {
  it("is exactly what the generator makes from the installed @kubernetes/client-node", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kubernetes-model-"));
    try {
      const out = join(dir, "kubernetes-model.json");
      await promisify(execFile)(process.execPath, [generator, "--out", out]);
      const [fresh, current] = await Promise.all([readFile(out, "utf8"), readFile(committed, "utf8")]);
      // On failure: run `npm run generate:kubernetes -w @meshplane/registry` and commit the result.
      expect(fresh === current, "src/kubernetes/generated/kubernetes-model.json is stale").toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
