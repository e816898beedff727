// A loopback stand-in for the API's internal endpoints: checks the shared secret and records the calls.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type FakeApi, json, startFakeApi } from "./fake-api";

export type InternalCall = { path: string; body: unknown; secret: string | undefined };

export type FakeInternalApi = FakeApi & { calls: InternalCall[] };

export type InternalAnswer = (call: InternalCall, res: ServerResponse) => void;

export async function startFakeInternalApi(secret: string, answer: InternalAnswer): Promise<FakeInternalApi> {
  const calls: InternalCall[] = [];
  const api = await startFakeApi((req, res) => {
    void readJson(req).then((body) => {
      const header = req.headers["x-meshplane-internal"];
      const call = { path: req.url ?? "", body, secret: typeof header === "string" ? header : undefined };
      calls.push(call);
      if (call.secret !== secret) {
        json(res, 401, {
          error: { code: "UNAUTHORIZED", message: "bad internal secret", requestId: "req_t" },
        });
        return;
      }
      answer(call, res);
    });
  });
  return { ...api, calls };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : undefined;
}
