// Owns the agent's durable job record under AGENT_STATE_DIR: outcomes of applied jobs and which are reported.
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { JobOutcome } from "./meshplane-client";

export interface JournalEntry {
  id: string;
  kind: string;
  outcome: JobOutcome;
  finishedAt: string;
  reported: boolean;
}

export interface JobJournal {
  get(id: string): JournalEntry | undefined;
  /** Persisted (fsync, rename) before it returns: a crash after this never loses the outcome. */
  recordOutcome(id: string, kind: string, outcome: JobOutcome): Promise<JournalEntry>;
  markReported(id: string): Promise<void>;
  unreported(): JournalEntry[];
  /** True when so many results wait to be reported that the agent should take no new jobs. */
  full(): boolean;
}

const SAFE_ID = /^[\w-]{1,100}$/;

// Write to a temporary name, flush, then rename: readers see the old file or the new one, never half.
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, "w", 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

export async function openJobJournal(
  stateDir: string,
  limits: { maxUnreported?: number; keepReported?: number } = {},
): Promise<JobJournal> {
  const maxUnreported = limits.maxUnreported ?? 500;
  const keepReported = limits.keepReported ?? 1_000;
  const dir = join(stateDir, "jobs");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const entries = new Map<string, JournalEntry>();
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".json")) continue;
    try {
      const entry = JSON.parse(await readFile(join(dir, name), "utf8")) as JournalEntry;
      entries.set(entry.id, entry);
    } catch {
      // A torn write can only be a .tmp file, which is skipped; anything else unreadable is not ours.
    }
  }

  const fileOf = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error(`refusing unsafe job id ${JSON.stringify(id)}`);
    return join(dir, `${id}.json`);
  };

  async function forgetOldReported(): Promise<void> {
    const reported = [...entries.values()].filter((entry) => entry.reported);
    if (reported.length <= keepReported) return;
    reported.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
    for (const entry of reported.slice(0, reported.length - keepReported)) {
      entries.delete(entry.id);
      await rm(fileOf(entry.id), { force: true });
    }
  }

  return {
    get: (id) => entries.get(id),
    async recordOutcome(id, kind, outcome) {
      const entry: JournalEntry = {
        id,
        kind,
        outcome,
        finishedAt: new Date().toISOString(),
        reported: false,
      };
      await writeAtomically(fileOf(id), JSON.stringify(entry));
      entries.set(id, entry);
      return entry;
    },
    async markReported(id) {
      const entry = entries.get(id);
      if (!entry || entry.reported) return;
      const updated = { ...entry, reported: true };
      await writeAtomically(fileOf(id), JSON.stringify(updated));
      entries.set(id, updated);
      await forgetOldReported();
    },
    unreported: () =>
      [...entries.values()]
        .filter((entry) => !entry.reported)
        .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt)),
    full: () => [...entries.values()].filter((entry) => !entry.reported).length >= maxUnreported,
  };
}
