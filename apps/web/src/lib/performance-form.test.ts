import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formValuesOf, profileBodyOf } from "./performance-form";

const filled = {
  ...formValuesOf(),
  name: "homepage",
  endpoints: "http://127.0.0.1:8080/\n\n  http://127.0.0.1:8080/health  ",
  requestHeaders: "Accept: application/json\nX-Trace:  a:b ",
  thresholds: "p(99)<250\nerror_rate<0.01\n",
};

describe("the profile form's body", () => {
  it("takes one endpoint, header and threshold per line, and the closed model as rate 0", () => {
    const outcome = profileBodyOf(filled);
    expect(outcome).toEqual({
      body: {
        name: "homepage",
        endpoints: ["http://127.0.0.1:8080/", "http://127.0.0.1:8080/health"],
        concurrentRequest: 10,
        qps: 0,
        duration: "30s",
        requestHeaders: { Accept: "application/json", "X-Trace": "a:b" },
        thresholds: ["p(99)<250", "error_rate<0.01"],
      },
    });
  });

  it("sends the rate for the open model and ignores it for the closed one", () => {
    expect(profileBodyOf({ ...filled, model: "open", qps: "250" })).toMatchObject({ body: { qps: 250 } });
    expect(profileBodyOf({ ...filled, model: "closed", qps: "250" })).toMatchObject({ body: { qps: 0 } });
  });

  it("refuses, at the field, what the API could not be sent", () => {
    expect(profileBodyOf({ ...filled, model: "open", qps: "0" })).toEqual({
      errors: { qps: expect.stringMatching(/open model needs a rate/) },
    });
    expect(profileBodyOf({ ...filled, concurrentRequest: "ten" })).toEqual({
      errors: { concurrentRequest: expect.stringMatching(/whole number/) },
    });
    expect(profileBodyOf({ ...filled, requestHeaders: "no colon here" })).toEqual({
      errors: { requestHeaders: expect.stringMatching(/"no colon here" is not a header/) },
    });
  });

  it("keeps a body and content type only when given", () => {
    const outcome = profileBodyOf({ ...filled, requestBody: '{"a":1}', contentType: " application/json " });
    expect(outcome).toMatchObject({ body: { requestBody: '{"a":1}', contentType: "application/json" } });
  });
});

describe("the API's validation errors", () => {
  it("go to the field their path names, with the line for list entries", () => {
    const message =
      "✖ Too small: expected number to be >=0;   → at qps; ✖ endpoints must be http:// or https:// URLs;   → at endpoints[1]; ✖ a threshold such as p(99)<250, avg<100, error_rate<0.01 or rps>500;   → at thresholds[0]; ✖ a duration from 1ms to 1h, such as 30s or 2m;   → at duration";
    expect(fieldErrorsOf(message)).toEqual({
      qps: "Too small: expected number to be >=0",
      endpoints: "line 2: endpoints must be http:// or https:// URLs",
      thresholds: "line 1: a threshold such as p(99)<250, avg<100, error_rate<0.01 or rps>500",
      duration: "a duration from 1ms to 1h, such as 30s or 2m",
    });
  });

  it("put issues without a known field, and plain messages, on the form", () => {
    expect(fieldErrorsOf('✖ Unrecognized key: "turbo"')).toEqual({ form: 'Unrecognized key: "turbo"' });
    expect(fieldErrorsOf("You may not run load tests here")).toEqual({
      form: "You may not run load tests here",
    });
    expect(fieldErrorsOf("✖ Invalid input;   → at requestHeaders.X-Big")).toEqual({
      requestHeaders: "Invalid input",
    });
  });
});

describe("the form's starting values", () => {
  it("writes a profile back as the text that would save it unchanged", () => {
    const values = formValuesOf({
      id: "p",
      name: "api",
      endpoints: ["http://a/", "http://b/"],
      loadGenerators: ["builtin"],
      concurrentRequest: 4,
      qps: 100,
      duration: "1m",
      requestHeaders: { Accept: "text/plain" },
      requestCookies: {},
      thresholds: ["p(99)<5"],
      createdAt: "",
      updatedAt: "",
    });
    expect(values).toMatchObject({ model: "open", qps: "100", endpoints: "http://a/\nhttp://b/" });
    expect(profileBodyOf(values)).toEqual({
      body: {
        name: "api",
        endpoints: ["http://a/", "http://b/"],
        concurrentRequest: 4,
        qps: 100,
        duration: "1m",
        requestHeaders: { Accept: "text/plain" },
        thresholds: ["p(99)<5"],
      },
    });
  });
});
