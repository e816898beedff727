import { afterEach, describe, expect, it } from "vitest";
import { json } from "../testing/fake-api";
import {
  type FakeInternalApi,
  type InternalAnswer,
  startFakeInternalApi,
} from "../testing/fake-internal-api";
import { adapterPath, createHttpAdapter } from "./http-adapter";
import { createInternalApi, InternalApiError } from "./internal-api";

const secret = "s".repeat(40);

describe("the HTTP adapter", () => {
  let api: FakeInternalApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  async function adapterAnswering(answer: InternalAnswer, useSecret = secret) {
    api = await startFakeInternalApi(secret, answer);
    return createHttpAdapter(createInternalApi({ apiUrl: api.url, internalSecret: async () => useSecret }));
  }

  it("sends the method and its arguments, with the internal secret, and revives the user's dates", async () => {
    const adapter = await adapterAnswering((_call, res) =>
      json(res, 200, {
        result: {
          id: "u1",
          email: "ada@example.com",
          emailVerified: "2026-01-02T03:04:05.000Z",
          name: "Ada",
        },
      }),
    );
    const user = await adapter.getUserByAccount?.({ provider: "oidc", providerAccountId: "sub-1" });
    expect(api?.calls).toEqual([
      {
        path: adapterPath,
        secret,
        body: { method: "getUserByAccount", args: [{ provider: "oidc", providerAccountId: "sub-1" }] },
      },
    ]);
    expect(user?.emailVerified).toBeInstanceOf(Date);
    expect(user?.emailVerified?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(user).toMatchObject({ id: "u1", email: "ada@example.com", name: "Ada" });
  });

  it("sends Dates as ISO strings and turns the session's expiry back into a Date", async () => {
    const expires = new Date("2026-03-01T00:00:00.000Z");
    const adapter = await adapterAnswering((call, res) => {
      const { args } = call.body as { args: [{ expires: string }] };
      json(res, 200, { result: { sessionToken: "tok", userId: "u1", expires: args[0].expires } });
    });
    const session = await adapter.createSession?.({ sessionToken: "tok", userId: "u1", expires });
    expect(api?.calls[0]?.body).toEqual({
      method: "createSession",
      args: [{ sessionToken: "tok", userId: "u1", expires: "2026-03-01T00:00:00.000Z" }],
    });
    expect(session?.expires).toBeInstanceOf(Date);
    expect(session?.expires.getTime()).toBe(expires.getTime());
  });

  it("revives both halves of getSessionAndUser", async () => {
    const adapter = await adapterAnswering((_call, res) =>
      json(res, 200, {
        result: {
          session: { sessionToken: "tok", userId: "u1", expires: "2026-03-01T00:00:00.000Z" },
          user: { id: "u1", email: "ada@example.com", emailVerified: null },
        },
      }),
    );
    const found = await adapter.getSessionAndUser?.("tok");
    expect(found?.session.expires).toBeInstanceOf(Date);
    expect(found?.user.emailVerified).toBeNull();
  });

  it("revives a verification token's expiry", async () => {
    const adapter = await adapterAnswering((_call, res) =>
      json(res, 200, {
        result: { identifier: "ada@example.com", token: "t", expires: "2026-03-01T00:00:00Z" },
      }),
    );
    const token = await adapter.useVerificationToken?.({ identifier: "ada@example.com", token: "t" });
    expect(token?.expires).toEqual(new Date("2026-03-01T00:00:00Z"));
  });

  it("answers null when the API's result is null", async () => {
    const adapter = await adapterAnswering((_call, res) => json(res, 200, { result: null }));
    expect(await adapter.getUser?.("nobody")).toBeNull();
    expect(await adapter.getSessionAndUser?.("unknown")).toBeNull();
  });

  it("refuses a result of the wrong shape rather than handing Auth.js a broken session", async () => {
    const adapter = await adapterAnswering((_call, res) =>
      json(res, 200, { result: { sessionToken: "tok", userId: "u1", expires: "next tuesday" } }),
    );
    await expect(adapter.updateSession?.({ sessionToken: "tok" })).rejects.toThrow(/updateSession/);
  });

  it("fails when a method that must return something returns null", async () => {
    const adapter = await adapterAnswering((_call, res) => json(res, 200, { result: null }));
    await expect(
      adapter.createUser?.({ id: "u1", email: "ada@example.com", emailVerified: null }),
    ).rejects.toThrow(/createUser/);
  });

  it("surfaces the API's error envelope, and a wrong secret as 401", async () => {
    const failing = await adapterAnswering((_call, res) =>
      json(res, 500, { error: { code: "INTERNAL", message: "boom", requestId: "req_9" } }),
    );
    const error = await Promise.resolve(failing.getUser?.("u1")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalApiError);
    expect(error).toMatchObject({ status: 500, code: "INTERNAL", requestId: "req_9" });
    await api?.close();

    const wrongSecret = await adapterAnswering(
      (_call, res) => json(res, 200, { result: null }),
      "w".repeat(40),
    );
    await expect(wrongSecret.getUser?.("u1")).rejects.toMatchObject({ status: 401, code: "UNAUTHORIZED" });
  });
});
