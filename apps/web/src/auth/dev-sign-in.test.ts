import { afterEach, describe, expect, it } from "vitest";
import { json } from "../testing/fake-api";
import { type FakeInternalApi, startFakeInternalApi } from "../testing/fake-internal-api";
import { devSignInPath, requestDevSession } from "./dev-sign-in";
import { createInternalApi } from "./internal-api";

const secret = "d".repeat(40);

describe("requestDevSession", () => {
  let api: FakeInternalApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  async function internalAnswering(status: number, body: unknown) {
    api = await startFakeInternalApi(secret, (_call, res) => json(res, status, body));
    return createInternalApi({ apiUrl: api.url, internalSecret: async () => secret });
  }

  it("returns the API's session with its expiry as a Date", async () => {
    const internal = await internalAnswering(200, {
      sessionToken: "sess-1",
      expires: "2026-05-01T00:00:00.000Z",
    });
    const session = await requestDevSession(internal, { email: "ada@example.com", name: " Ada " });
    expect(session).toEqual({ sessionToken: "sess-1", expires: new Date("2026-05-01T00:00:00.000Z") });
    expect(api?.calls[0]).toMatchObject({
      path: devSignInPath,
      body: { email: "ada@example.com", name: "Ada" },
    });
  });

  it("leaves an empty name out", async () => {
    const internal = await internalAnswering(200, { sessionToken: "s", expires: "2026-05-01T00:00:00Z" });
    await requestDevSession(internal, { email: "ada@example.com", name: "  " });
    expect(api?.calls[0]?.body).toEqual({ email: "ada@example.com" });
  });

  it("refuses a malformed email before calling the API", async () => {
    const internal = await internalAnswering(200, {});
    expect(await requestDevSession(internal, { email: "not-an-email" })).toBe("InvalidEmail");
    expect(api?.calls).toEqual([]);
  });

  it("reports the API's 404 as a disabled development sign-in", async () => {
    const internal = await internalAnswering(404, {
      error: { code: "NOT_FOUND", message: "The development sign-in is disabled", requestId: "r" },
    });
    expect(await requestDevSession(internal, { email: "ada@example.com" })).toBe("DevSignInDisabled");
  });

  it("lets other failures through to be reported", async () => {
    const internal = await internalAnswering(500, {
      error: { code: "INTERNAL_SERVER_ERROR", message: "db down", requestId: "r" },
    });
    await expect(requestDevSession(internal, { email: "ada@example.com" })).rejects.toMatchObject({
      status: 500,
    });
  });
});
