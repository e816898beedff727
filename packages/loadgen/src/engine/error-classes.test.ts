import { describe, expect, it } from "vitest";
import { classifySocketError, describeError } from "./error-classes";

const socketError = (code: string, message = `${code.toLowerCase()} happened`) =>
  Object.assign(new Error(message), { code });

describe("classifySocketError", () => {
  it("calls anything that happens before the connection is usable a connect error", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ERR_SSL_WRONG_VERSION_NUMBER"]) {
      expect(classifySocketError(socketError(code), false)).toBe("connect");
    }
  });

  it("tells resets, protocol failures and the rest apart on an open connection", () => {
    expect(classifySocketError(socketError("ECONNRESET"), true)).toBe("reset");
    expect(classifySocketError(socketError("EPIPE"), true)).toBe("reset");
    expect(classifySocketError(socketError("ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"), true)).toBe(
      "protocol",
    );
    expect(classifySocketError(socketError("ETIMEDOUT"), true)).toBe("other");
    expect(classifySocketError(new Error("no code at all"), true)).toBe("other");
  });
});

describe("describeError", () => {
  it("puts the code in front unless the message already names it", () => {
    expect(describeError(socketError("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"))).toBe(
      "DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate",
    );
    expect(describeError(socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1"))).toBe(
      "connect ECONNREFUSED 127.0.0.1:1",
    );
  });
});
