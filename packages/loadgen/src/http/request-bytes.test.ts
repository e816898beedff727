import { describe, expect, it } from "vitest";
import { encodeRequest, requestBatches } from "./request-bytes";

const base = { method: "GET", headers: {}, cookies: {}, body: undefined };

describe("encodeRequest", () => {
  it("writes the path and query, a Host with a non-default port, and no body for GET", () => {
    const text = encodeRequest({ ...base, url: "http://example.com:8080/api/v1?x=1&y=2" }).toString();
    expect(text).toBe(
      "GET /api/v1?x=1&y=2 HTTP/1.1\r\nHost: example.com:8080\r\nUser-Agent: meshplane-loadgen\r\n\r\n",
    );
  });

  it("leaves the default port out of Host and lets the caller's Host and User-Agent win", () => {
    const text = encodeRequest({
      ...base,
      url: "https://example.com:443/",
      headers: { host: "virtual.test", "User-Agent": "probe" },
    }).toString();
    expect(text).toBe("GET / HTTP/1.1\r\nhost: virtual.test\r\nUser-Agent: probe\r\n\r\n");
  });

  it("folds cookies into one Cookie header and frames the body by its UTF-8 length", () => {
    const text = encodeRequest({
      ...base,
      url: "http://h/",
      method: "POST",
      cookies: { session: "abc", theme: "dark" },
      body: "héllo",
    }).toString();
    expect(text).toContain("\r\nCookie: session=abc; theme=dark\r\n");
    expect(text).toContain("\r\nContent-Length: 6\r\n\r\nhéllo");
  });

  it("announces an empty body for a POST without one", () => {
    expect(encodeRequest({ ...base, url: "http://h/", method: "POST" }).toString()).toContain(
      "Content-Length: 0\r\n",
    );
  });
});

describe("requestBatches", () => {
  it("gives batch k as k back-to-back copies of the request", () => {
    const request = Buffer.from("GET / HTTP/1.1\r\n\r\n");
    const batches = requestBatches(request, 3);
    expect(batches.map((batch) => batch.toString())).toEqual(
      [1, 2, 3].map((k) => request.toString().repeat(k)),
    );
  });
});
