import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureCredential, ROTATE_BEFORE_EXPIRY_MS, rotateIfDue } from "./credential-lifecycle";
import { fileCredentialStore } from "./credential-store";
import { type AgentCredential, MeshplaneApiError, type MeshplaneClient } from "./meshplane-client";
import { silentLog } from "./testing/kube-fixtures";

const issued = (credential: string, expiresInMs = 30 * 86_400_000): AgentCredential => ({
  agentId: "a",
  organizationId: "o",
  connectionId: "c",
  credential,
  credentialExpiresAt: new Date(Date.now() + expiresInMs).toISOString(),
});

function stubClient(overrides: Partial<MeshplaneClient>) {
  const used: string[] = [];
  const client = {
    useCredential: (value: string) => used.push(value),
    ...overrides,
  } as unknown as MeshplaneClient;
  return { client, used };
}

const facts = async () => ({
  kubeSystemUid: "u",
  kubernetesVersion: "v1.34.1",
  nodeCount: 1,
  agentVersion: "1",
});

describe("the agent credential over time", () => {
  it("registers once, saves the credential before using it, and uses the stored one after a restart", async () => {
    const store = fileCredentialStore(mkdtempSync(join(tmpdir(), "agent-cred-")));
    let registrations = 0;
    const { client, used } = stubClient({
      register: async () => {
        registrations++;
        return issued("mpa_first");
      },
    });
    const deps = { client, store, log: silentLog, bootstrapToken: "mpb_x", clusterFacts: facts };
    expect((await ensureCredential(deps, new AbortController().signal))?.credential).toBe("mpa_first");
    expect((await store.load())?.credential).toBe("mpa_first");
    await ensureCredential(deps, new AbortController().signal);
    expect(registrations).toBe(1);
    expect(used).toEqual(["mpa_first", "mpa_first"]);
  });

  it("keeps retrying a refused bootstrap token until stopped, without throwing", async () => {
    const store = fileCredentialStore(mkdtempSync(join(tmpdir(), "agent-cred-")));
    const { client } = stubClient({
      register: async () => {
        throw new MeshplaneApiError(401, "UNAUTHORIZED", "The bootstrap token has already been used");
      },
    });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const deps = { client, store, log: silentLog, bootstrapToken: "mpb_used", clusterFacts: facts };
    expect(await ensureCredential(deps, stop.signal)).toBeUndefined();
  });

  it("rotates only with a quarter of the lifetime left, and stores the new credential", async () => {
    const store = fileCredentialStore(mkdtempSync(join(tmpdir(), "agent-cred-")));
    const { client, used } = stubClient({ rotateCredential: async () => issued("mpa_rotated") });
    const deps = { client, store, log: silentLog, bootstrapToken: undefined, clusterFacts: facts };
    const fresh = issued("mpa_fresh");
    expect(await rotateIfDue(deps, fresh)).toBe(fresh);
    const ageing = issued("mpa_old", ROTATE_BEFORE_EXPIRY_MS - 1_000);
    expect((await rotateIfDue(deps, ageing)).credential).toBe("mpa_rotated");
    expect((await store.load())?.credential).toBe("mpa_rotated");
    expect(used).toEqual(["mpa_rotated"]);
  });
});
