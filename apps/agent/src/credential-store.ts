// Owns where the agent keeps its credential: a Secret in its namespace, or a file under AGENT_STATE_DIR.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type KubeApi, statusMessage } from "./kube-api";
import type { AgentCredential } from "./meshplane-client";

export interface CredentialStore {
  load(): Promise<AgentCredential | undefined>;
  save(credential: AgentCredential): Promise<void>;
}

export const CREDENTIAL_SECRET_NAME = "meshplane-agent-credential";

export function fileCredentialStore(stateDir: string): CredentialStore {
  const path = join(stateDir, "credential.json");
  return {
    async load() {
      try {
        return JSON.parse(await readFile(path, "utf8")) as AgentCredential;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async save(credential) {
      await mkdir(stateDir, { recursive: true, mode: 0o700 });
      await writeFile(`${path}.tmp`, JSON.stringify(credential), { mode: 0o600 });
      await rename(`${path}.tmp`, path);
    },
  };
}

export function secretCredentialStore(kube: KubeApi, namespace: string): CredentialStore {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${CREDENTIAL_SECRET_NAME}`;
  return {
    async load() {
      const response = await kube.request("GET", path);
      if (response.status === 404) return undefined;
      if (response.status !== 200)
        throw new Error(`cannot read the credential Secret: ${statusMessage(response)}`);
      const encoded = response.body.data?.credential;
      if (typeof encoded !== "string") return undefined;
      return JSON.parse(Buffer.from(encoded, "base64").toString("utf8")) as AgentCredential;
    },
    async save(credential) {
      const secret = {
        apiVersion: "v1",
        kind: "Secret",
        metadata: {
          name: CREDENTIAL_SECRET_NAME,
          namespace,
          labels: { "app.kubernetes.io/managed-by": "meshplane-agent" },
        },
        type: "Opaque",
        data: { credential: Buffer.from(JSON.stringify(credential)).toString("base64") },
      };
      const response = await kube.request("PATCH", path, {
        query: { fieldManager: "meshplane-agent", force: true },
        body: secret,
        contentType: "application/apply-patch+yaml",
      });
      if (response.status !== 200 && response.status !== 201) {
        throw new Error(`cannot save the credential Secret: ${statusMessage(response)}`);
      }
    },
  };
}
