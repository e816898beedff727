// Compose files that are broken, hostile or not what they claim: each refused with a reason and a line.
import { describe, expect, it } from "vitest";
import { importComposeFile } from "./import";
import { MAX_COMPOSE_BYTES } from "./read";

const errorsOf = (text: string) => {
  const result = importComposeFile(text);
  if (result.ok) throw new Error("expected the import to fail");
  return result.errors;
};

describe("importComposeFile on hostile input", () => {
  it("names the line of invalid YAML", () => {
    const [error] = errorsOf("services:\n  web:\n    image: nginx\n\tports: []\n");
    expect(error?.line).toBe(4);
    expect(error?.message).toMatch(/^Tabs are not allowed as indentation/);
  });

  it("refuses an alias bomb quickly instead of expanding it", () => {
    const levels = ['x-a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`x-${name}: &${name} [${Array(10).fill(`*${prev}`).join(",")}]`);
    }
    const started = performance.now();
    const [error] = errorsOf(`${levels.join("\n")}\nservices:\n  web: { image: nginx, command: *j }\n`);
    expect(error?.message).toMatch(/alias/i);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses 50 MB without parsing it", () => {
    const started = performance.now();
    const huge = `services:\n  web:\n    image: nginx\n# ${"x".repeat(50 * 1024 * 1024)}\n`;
    expect(errorsOf(huge)).toEqual([{ message: "the Compose file is larger than 5 MB" }]);
    expect(errorsOf(`# ${"é".repeat(MAX_COMPOSE_BYTES / 2)}\n`)).toEqual([
      { message: "the Compose file is larger than 5 MB" },
    ]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses binary data", () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00);
    expect(errorsOf(png)).toEqual([{ message: "the input is binary data, not a Compose file" }]);
  });

  it("refuses services of the wrong type, naming the line", () => {
    expect(errorsOf("version: '3.8'\nservices: 5\n")).toEqual([
      { line: 2, message: "services must be a mapping of service names to their definitions" },
    ]);
    expect(errorsOf("services: [web, api]\n")[0]?.message).toBe(
      "services must be a mapping of service names to their definitions",
    );
    expect(errorsOf("services:\n  web: nginx\n")).toEqual([
      { line: 2, message: "service web must be a mapping with at least an image" },
    ]);
    expect(errorsOf("- a\n- b\n")).toEqual([
      { line: 1, message: "a Compose file must be a mapping with a services key" },
    ]);
    expect(errorsOf("volumes: {}\n")).toEqual([{ line: 1, message: "the Compose file has no services" }]);
    expect(errorsOf("services: {}\n")).toEqual([
      { line: 1, message: "the Compose file defines no services" },
    ]);
    expect(errorsOf("")).toEqual([{ message: "the Compose file is empty" }]);
  });

  it("refuses fields of the wrong type, each on its line", () => {
    const text = `services:
  web:
    image: nginx
    ports: 80
    environment: 5
    command: { run: true }
    deploy: { replicas: two }
    healthcheck: { test: [SOMETIMES, curl], interval: often }
`;
    expect(errorsOf(text)).toEqual([
      { line: 5, message: "environment must be a list of KEY=value strings or a mapping" },
      { line: 4, message: "ports must be a list" },
      { line: 6, message: "command must be a string or a list of strings" },
      { line: 8, message: 'test must start with "CMD", "CMD-SHELL" or "NONE" and name a command' },
      { line: 7, message: "replicas must be a whole number of at least 0" },
    ]);
  });

  it("refuses two services whose names become the same Kubernetes name", () => {
    expect(errorsOf("services:\n  web_app: { image: a }\n  Web-App: { image: b }\n")).toEqual([
      { line: 3, message: "services web_app and Web-App both become web-app in Kubernetes" },
    ]);
    expect(errorsOf("services:\n  ___: { image: a }\n")).toEqual([
      { line: 2, message: "service ___ has no usable Kubernetes name" },
    ]);
  });

  it("refuses duplicate keys and several documents", () => {
    expect(errorsOf("services:\n  web: { image: a }\n  web: { image: b }\n")[0]?.line).toBe(3);
    expect(errorsOf("services:\n  web: { image: a }\n---\nservices: {}\n")).toEqual([
      { line: 3, message: "a Compose file holds one YAML document, this one holds several" },
    ]);
  });

  it("refuses services it cannot run: builds, no image, or an extends", () => {
    expect(errorsOf("services:\n  web:\n    build: .\n")).toEqual([
      { line: 3, message: "service web: builds are not supported; push an image and reference it" },
    ]);
    expect(errorsOf("services:\n  web:\n    ports: ['80']\n")).toEqual([
      { line: 2, message: "service web has neither an image nor a build" },
    ]);
    expect(errorsOf("services:\n  web:\n    extends: { service: base }\n")[0]?.message).toMatch(/extends/);
    expect(errorsOf("services:\n  web:\n    image: ''\n")[0]?.message).toBe(
      "the image of service web must be a non-empty string",
    );
  });

  it("refuses depends_on naming a missing service, itself, or a cycle", () => {
    expect(errorsOf("services:\n  web:\n    image: a\n    depends_on: [db]\n")).toEqual([
      { line: 4, message: "depends_on names db, which is not a service of this file" },
    ]);
    expect(errorsOf("services:\n  web: { image: a, depends_on: [web] }\n")[0]?.message).toBe(
      "service web depends on itself",
    );
    const cycle =
      "services:\n  a: { image: a, depends_on: [b] }\n  b: { image: b, depends_on: { c: {} } }\n  c: { image: c, depends_on: [a] }\n";
    expect(errorsOf(cycle)).toEqual([{ line: 2, message: "depends_on forms a cycle: a → b → c → a" }]);
  });

  it("refuses port ranges that would make a huge Service, and malformed ports", () => {
    expect(errorsOf("services:\n  web: { image: a, ports: ['1-65535'] }\n")[0]?.message).toBe(
      'port range "1-65535" holds more than 100 ports',
    );
    expect(errorsOf("services:\n  web: { image: a, ports: ['80:99999'] }\n")[0]?.message).toBe(
      'port "80:99999" is not a port number or range between 1 and 65535',
    );
    expect(errorsOf("services:\n  web: { image: a, ports: ['80/quic'] }\n")[0]?.message).toBe(
      'port "80/quic": the protocol must be tcp, udp or sctp',
    );
  });

  it("refuses undeclared volumes, relative mount targets and broken interpolation", () => {
    expect(errorsOf("services:\n  web: { image: a, volumes: ['data:/data'] }\n")[0]?.message).toBe(
      "volume data is not declared under the top-level volumes",
    );
    expect(errorsOf("services:\n  web: { image: a, volumes: ['./x:data'] }\n")[0]?.message).toBe(
      'the mount target "data" must be an absolute path',
    );
    expect(errorsOf("services:\n  web:\n    image: 'a:${TAG'\n")).toEqual([
      { line: 3, message: '"${" is not closed in "a:${TAG"' },
    ]);
    const deep = `${"${A:-".repeat(50)}x${"}".repeat(50)}`;
    expect(errorsOf(`services:\n  web:\n    image: '${deep}'\n`)[0]?.message).toBe(
      "interpolation is nested too deeply",
    );
  });
});
