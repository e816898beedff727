import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp, testAuthConfig } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

/** A small model in Meshery's exported shape: the model, two components and one relationship. */
function gatewayModel(version = "v1.0.0") {
  const model = {
    schemaVersion: "models.meshery.io/v1beta1",
    name: "probe-gateway",
    version,
    displayName: "Probe Gateway",
    description: "A gateway model for the import tests",
    category: { name: "Cloud Native Network" },
    subCategory: "Service Proxy",
    model: { version: "v0.3.0" },
  };
  const component = (kind: string) => ({
    schemaVersion: "components.meshery.io/v1beta1",
    displayName: kind,
    description: `The ${kind} of the probe gateway`,
    format: "JSON",
    model: { name: "probe-gateway" },
    component: {
      version: "gateway.probe.io/v1",
      kind,
      schema: JSON.stringify({
        type: "object",
        properties: { spec: { type: "object", properties: { hosts: { type: "array" } } } },
      }),
    },
  });
  const relationship = {
    kind: "edge",
    type: "non-binding",
    subType: "network",
    model: { name: "probe-gateway" },
    selectors: [{ allow: { from: [{ kind: "Route" }], to: [{ kind: "Gateway" }] } }],
  };
  return { model, components: [component("Gateway"), component("Route")], relationships: [relationship] };
}

/** A real tar (ustar, as GNU tar writes it with --format=ustar) of the files given, optionally gzipped. */
function tarOf(files: Record<string, string>, gzip: boolean): Uint8Array<ArrayBuffer> {
  const dir = mkdtempSync(join(tmpdir(), "registry-import-"));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, "src", dirname(path)), { recursive: true });
      writeFileSync(join(dir, "src", path), content);
    }
    const out = join(dir, gzip ? "model.tar.gz" : "model.tar");
    // "." as people usually pack a directory: GNU tar then writes a "./" entry for the root itself.
    execFileSync("tar", ["--format=ustar", gzip ? "-czf" : "-cf", out, "-C", join(dir, "src"), "."]);
    return Uint8Array.from(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function modelDirectory(): Record<string, string> {
  const { model, components, relationships } = gatewayModel();
  const root = "probe-gateway/v0.3.0/v1.0.0";
  return {
    [`${root}/model.json`]: JSON.stringify(model),
    ...Object.fromEntries(
      components.map((c) => [`${root}/components/${c.component.kind}.json`, JSON.stringify(c)]),
    ),
    [`${root}/relationships/edge-route-gateway.json`]: JSON.stringify(relationships[0]),
  };
}

describe("POST /api/registry/models/import", () => {
  let ctx: TestApp;
  let curator: SignedIn;
  let member: SignedIn;
  const curatorEmail = `registry-curator-${crypto.randomUUID()}@meshplane.test`;

  beforeAll(async () => {
    ctx = await createTestApp({ auth: testAuthConfig({ providerAdmins: [curatorEmail] }) });
    [curator, member] = [await signIn(ctx, curatorEmail), await signIn(ctx)];
  });
  afterAll(() => ctx.close());

  const upload = (
    body: BodyInit | undefined,
    type: string | undefined,
    who: SignedIn | null = curator,
    query = "",
  ) =>
    ctx.app.request(`/api/registry/models/import${query}`, {
      method: "POST",
      headers: { ...(who ? bearer(who.jwt) : {}), ...(type ? { "content-type": type } : {}) },
      ...(body === undefined ? {} : { body }),
    });

  async function refusal(response: Response, status: number) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.requestId).toBeTruthy();
    return body.error;
  }

  it("imports Meshery model JSON, then replaces it when the same version comes again", async () => {
    const first = await upload(JSON.stringify(gatewayModel()), "application/json");
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      components: 2,
      relationships: 1,
      created: true,
      model: {
        name: "probe-gateway",
        version: "v1.0.0",
        category: "Cloud Native Network",
        componentCount: 2,
      },
    });
    const again = await upload(JSON.stringify(gatewayModel()), "application/json");
    expect(await again.json()).toMatchObject({ created: false, components: 2 });

    const read = await ctx.app.request("/api/registry/models/probe-gateway");
    const detail = (await read.json()) as { components: { items: { kind: string }[] } };
    expect(detail.components.items.map((c) => c.kind)).toEqual(["Gateway", "Route"]);
  });

  it("imports a model directory as a multipart .tar.gz and as a raw .tar", async () => {
    const form = new FormData();
    form.set("file", new File([tarOf(modelDirectory(), true)], "probe-gateway.tar.gz"));
    const multipart = await upload(form, undefined);
    expect(multipart.status).toBe(201);
    expect(await multipart.json()).toMatchObject({ components: 2, relationships: 1 });

    const raw = await upload(
      tarOf(modelDirectory(), false),
      "application/x-tar",
      curator,
      "?filename=gw.tar",
    );
    expect(raw.status).toBe(201);
  });

  it("takes a model file larger than the API's usual 1 MiB body limit", async () => {
    const large = gatewayModel("v0.4.0");
    // A 3 MiB description: real models carry long schemas, and the import allows 20 MiB.
    large.model.description = "x".repeat(3 * 1024 * 1024);
    const response = await upload(JSON.stringify(large), "application/json");
    expect(response.status).toBe(201);
  });

  it("refuses anonymous callers and members who are not curators, before reading the body", async () => {
    expect((await refusal(await upload("{", "application/json", null), 401)).code).toBe("UNAUTHORIZED");
    const forbidden = await refusal(
      await upload(JSON.stringify(gatewayModel("v9.0.0")), "application/json", member),
      403,
    );
    expect(forbidden.message).toMatch(/Curator/);
    const stored = (await (
      await ctx.app.request("/api/registry/models/probe-gateway?version=v9.0.0")
    ).json()) as ErrorBody;
    expect(stored.error.code).toBe("NOT_FOUND");
  });

  it("answers 422 naming the file for malformed JSON, a JSON that is no model, and a gzip bomb", async () => {
    const malformed = await refusal(
      await upload('{"name": "broken", ', "application/json", curator, "?filename=broken.json"),
      422,
    );
    expect(malformed.message).toMatch(/^broken\.json: is not valid JSON/);

    const notModel = await refusal(await upload('{"hello": "world"}', "application/json"), 422);
    expect(notModel.message).toMatch(/^upload: is neither a Meshery model definition/);

    const badName = gatewayModel();
    badName.model.name = "Not A Name";
    expect((await refusal(await upload(JSON.stringify(badName), "application/json"), 422)).message).toMatch(
      /lowercase letters/,
    );

    // 101 MiB of zeros squeezed into about 100 KiB: the import stops inflating at its 100 MiB ceiling.
    const bomb = gzipSync(new Uint8Array(101 * 1024 * 1024), { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const form = new FormData();
    form.set("file", new File([bomb], "bomb.tar.gz"));
    const exploded = await refusal(await upload(form, undefined), 422);
    expect(exploded.message).toBe("bomb.tar.gz: unpacks to more than 100 MiB");
  });

  it("answers 422 for an archive without a model and for garbage bytes", async () => {
    const noModel = tarOf({ "readme.txt": "no model here" }, true);
    expect(
      (await refusal(await upload(noModel, "application/gzip", curator, "?filename=empty.tgz"), 422)).message,
    ).toBe("empty.tgz: holds no model.json");
    const truncated = tarOf(modelDirectory(), true).slice(0, 200);
    expect(
      (await refusal(await upload(truncated, "application/gzip", curator, "?filename=cut.tgz"), 422)).message,
    ).toMatch(/^cut\.tgz: /);
    const garbage = crypto.getRandomValues(new Uint8Array(4096));
    garbage[0] = 0x00;
    expect((await refusal(await upload(garbage, "application/octet-stream"), 422)).message).toMatch(
      /is not a model: expected JSON, \.tar or \.tar\.gz/,
    );
  });

  it("refuses wrong content types, empty bodies, forms without a file and bodies over the limit", async () => {
    expect((await refusal(await upload("name: x", "text/yaml"), 415)).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((await refusal(await upload("x", undefined), 415)).message).toMatch(/multipart\/form-data/);
    expect((await refusal(await upload("", "application/json"), 400)).message).toMatch(/empty/);
    const form = new FormData();
    form.set("model", "not a file");
    expect((await refusal(await upload(form, undefined), 400)).message).toMatch(/field `file`/);
    const broken = await upload("--x\r\nnot a form", "multipart/form-data; boundary=y");
    expect(broken.status).toBe(400);

    const huge = new Uint8Array(22 * 1024 * 1024);
    huge.set([0x1f, 0x8b]);
    expect((await refusal(await upload(huge, "application/gzip"), 413)).code).toBe("PAYLOAD_TOO_LARGE");
  });
});
