import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("defaults to the local API on API_PORT and links through localhost", () => {
    expect(readEnv({ API_PORT: "9001" })).toEqual({
      apiUrl: "http://127.0.0.1:9001",
      publicApiUrl: "http://localhost:9001",
    });
  });

  it("uses API_URL and NEXT_PUBLIC_API_URL as given, without trailing slashes", () => {
    expect(
      readEnv({ API_URL: "http://api.internal:80/", NEXT_PUBLIC_API_URL: "https://api.example.com/" }),
    ).toEqual({
      apiUrl: "http://api.internal:80",
      publicApiUrl: "https://api.example.com",
    });
  });

  it("refuses a malformed URL", () => {
    expect(() => readEnv({ API_URL: "not a url" })).toThrow();
  });
});
