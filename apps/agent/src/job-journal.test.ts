import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openJobJournal } from "./job-journal";

const succeeded = { status: "succeeded" as const, result: { objects: [] }, error: null };
const freshDir = () => mkdtempSync(join(tmpdir(), "agent-journal-"));

describe("the job journal", () => {
  it("keeps unreported outcomes across a reopen, as after a restart", async () => {
    const dir = freshDir();
    const journal = await openJobJournal(dir);
    await journal.recordOutcome("job-1", "deploy", succeeded);
    await journal.recordOutcome("job-2", "undeploy", { status: "failed", result: null, error: "boom" });
    await journal.markReported("job-1");

    const reopened = await openJobJournal(dir);
    expect(reopened.get("job-1")?.reported).toBe(true);
    expect(reopened.unreported().map((entry) => [entry.id, entry.outcome.error])).toEqual([
      ["job-2", "boom"],
    ]);
  });

  it("is full at its bound of unreported results, and forgets the oldest reported ones", async () => {
    const journal = await openJobJournal(freshDir(), { maxUnreported: 2, keepReported: 1 });
    await journal.recordOutcome("a", "deploy", succeeded);
    expect(journal.full()).toBe(false);
    await journal.recordOutcome("b", "deploy", succeeded);
    expect(journal.full()).toBe(true);
    await journal.markReported("a");
    await journal.markReported("b");
    expect(journal.full()).toBe(false);
    expect(journal.get("a")).toBeUndefined();
    expect(journal.get("b")?.reported).toBe(true);
  });

  it("refuses a job id that could escape its directory", async () => {
    const journal = await openJobJournal(freshDir());
    await expect(journal.recordOutcome("../credential", "deploy", succeeded)).rejects.toThrow(
      /unsafe job id/,
    );
  });
});
