import { afterEach, describe, expect, it } from "vitest";
import { createInternalApi } from "../auth/internal-api";
import { json } from "../testing/fake-api";
import { type FakeInternalApi, startFakeInternalApi } from "../testing/fake-internal-api";
import { authorizeMesheryLogin, decodeMesheryCallback, mesheryAuthorizePath } from "./meshery-login";

const b64 = (text: string, encoding: "base64" | "base64url" = "base64") =>
  Buffer.from(text).toString(encoding);
const secret = "m".repeat(40);

describe("decodeMesheryCallback", () => {
  it("decodes Meshery's callback in either base64 alphabet and names its host", () => {
    const url = "http://meshery.local:9081/api/user/token?x=é>?";
    for (const encoding of ["base64", "base64url"] as const)
      expect(decodeMesheryCallback(b64(url, encoding))).toEqual({
        url: "http://meshery.local:9081/api/user/token?x=%C3%A9%3E?",
        host: "meshery.local:9081",
      });
  });

  it("refuses what is not an http(s) URL of Meshery's token callback, or carries credentials", () => {
    for (const source of [
      undefined,
      "",
      "%%%",
      b64("javascript:alert(1)"),
      b64("not a url"),
      b64("ftp://x/y"),
    ])
      expect(decodeMesheryCallback(source)).toBeNull();
  });
});

describe("authorizeMesheryLogin", () => {
  let api: FakeInternalApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("passes the session and Meshery's parameters through and returns where to send the browser", async () => {
    api = await startFakeInternalApi(secret, (_call, res) =>
      json(res, 200, { redirectUrl: "http://meshery.local:9081/api/user/token?token=abc" }),
    );
    const internal = createInternalApi({ apiUrl: api.url, internalSecret: async () => secret });
    const request = {
      sessionToken: "sess",
      source: b64("http://meshery.local:9081/api/user/token"),
      ref: b64("/"),
    };
    expect(await authorizeMesheryLogin(internal, request)).toEqual({
      redirectUrl: "http://meshery.local:9081/api/user/token?token=abc",
    });
    expect(api.calls).toEqual([{ path: mesheryAuthorizePath, secret, body: request }]);
  });

  it("asks for a new sign-in when the API no longer knows the session", async () => {
    api = await startFakeInternalApi(secret, (_call, res) =>
      json(res, 401, { error: { code: "UNAUTHORIZED", message: "expired", requestId: "r" } }),
    );
    const internal = createInternalApi({ apiUrl: api.url, internalSecret: async () => secret });
    expect(await authorizeMesheryLogin(internal, { sessionToken: "old", source: "x", ref: "y" })).toEqual({
      refused: "SignInAgain",
    });
  });
});
