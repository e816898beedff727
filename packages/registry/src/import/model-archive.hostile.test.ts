import { describe, expect, it } from "vitest";
import { RegistryInputError } from "../definitions";
import type { ImportLimits } from "./import-limits";
import { importModelArchive } from "./model-archive";
import { certManagerModel, gzip, type TestEntry, tarArchive } from "./model-archives.testing";

const fixture = certManagerModel();
const root = "cert-manager/v1.16.1/v1.0.0";

async function refusal(bytes: Uint8Array, limits?: Partial<ImportLimits>) {
  try {
    await importModelArchive(bytes, { fileName: "upload.tgz", limits });
  } catch (error) {
    if (error instanceof RegistryInputError) return error.message;
    throw error;
  }
  throw new Error("the archive was accepted");
}

const withExtra = (...extra: TestEntry[]) => tarArchive([...fixture.entries(), ...extra]);

describe("hostile model archives", () => {
  it.each([
    ["climbs out with ..", `${root}/components/../../../../etc/passwd`, /climbs out of the archive/],
    ["is absolute", "/etc/cron.d/model.json", /is an absolute path/],
    ["names a Windows drive", "C:/Windows/model.json", /is an absolute path/],
    ["hides a backslash", "components\\..\\..\\evil.json", /contains a backslash/],
  ])("refuses an entry whose name %s, naming it", async (_, path, message) => {
    const text = await refusal(withExtra({ path, content: "{}" }));
    expect(text).toMatch(message);
    expect(text).toContain(`entry "${path}"`);
    expect(text).toMatch(/^upload\.tgz: /);
  });

  it("refuses links, devices and duplicate names", async () => {
    expect(
      await refusal(withExtra({ path: `${root}/components/Pod.json`, type: "2", linkName: "/etc/passwd" })),
    ).toMatch(/Pod\.json" is a link/);
    expect(await refusal(withExtra({ path: `${root}/dev`, type: "3" }))).toMatch(/unsupported type "3"/);
    expect(await refusal(withExtra({ path: `${root}/model.json`, content: "{}" }))).toMatch(
      /holds "cert-manager\/v1\.16\.1\/v1\.0\.0\/model\.json" twice/,
    );
  });

  it("refuses an upload over 20 MiB before inflating it", async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set([0x1f, 0x8b]);
    expect(await refusal(big)).toMatch(/is larger than 20 MiB/);
  });

  it("stops inflating a gzip bomb at 100 MiB", async () => {
    const bomb = await gzip(new Uint8Array(101 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(bomb)).toMatch(/unpacks to more than 100 MiB/);
  });

  it("refuses archives with too many entries or too many bytes of files", async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      path: `${root}/icons/${i}.svg`,
      content: "<svg/>",
    }));
    expect(await refusal(withExtra(...many), { maxEntries: 20 })).toMatch(/more than 20 entries/);
    const heavy = { path: `${root}/icons/huge.svg`, content: "x".repeat(64 * 1024) };
    expect(await refusal(withExtra(heavy), { maxUnpackedBytes: 32 * 1024 })).toMatch(
      /holds more than 32 KiB of files/,
    );
  });

  it("refuses corrupt headers, truncation and lying sizes", async () => {
    expect(
      await refusal(withExtra({ path: `${root}/x.json`, content: "{}", corruptChecksum: true })),
    ).toMatch(/checksum mismatch/);
    const whole = tarArchive(fixture.entries(), { endMarker: false });
    expect(await refusal(whole.subarray(0, whole.length - 700))).toMatch(/is truncated/);
    const lying = tarArchive([{ path: `${root}/model.json`, content: "{}", declaredSize: 1024 * 1024 }]);
    expect(await refusal(lying)).toMatch(/is truncated/);
  });

  it("refuses data that only starts like gzip, and data that is no tar", async () => {
    expect(await refusal(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]))).toMatch(
      /not a valid gzip stream/,
    );
    expect(await refusal(await gzip(new TextEncoder().encode("just text")))).toMatch(/is not a tar archive/);
  });

  it("names the file holding malformed JSON", async () => {
    const entries = fixture.entries();
    entries[3] = { path: `${root}/components/Issuer.json`, content: '{"component": {"kind": "Issuer",' };
    expect(await refusal(tarArchive(entries))).toMatch(
      /^upload\.tgz: cert-manager\/v1\.16\.1\/v1\.0\.0\/components\/Issuer\.json: is not valid JSON/,
    );
  });

  it("names the file and field of a relationship with the wrong shape", async () => {
    const broken = { ...fixture.relationship, selectors: [{ allow: { from: [] } }] };
    const entries = fixture.entries();
    entries[4] = { path: `${root}/relationships/broken.json`, content: JSON.stringify(broken) };
    expect(await refusal(tarArchive(entries))).toMatch(
      /relationships\/broken\.json: is not a Meshery relationship definition: selectors\[0\]\.allow\.to: /,
    );
  });

  it("refuses the same component in two files, naming both", async () => {
    const text = await refusal(
      withExtra({
        path: `${root}/components/Certificate-copy.json`,
        content: JSON.stringify(fixture.certificate),
      }),
    );
    expect(text).toMatch(/components\/Certificate\.json: duplicates cert-manager\.io\/v1 Certificate/);
    expect(text).toMatch(/already defined by upload\.tgz: .*components\/Certificate-copy\.json/);
  });

  it("refuses archives without exactly one JSON model definition", async () => {
    const withoutModel = fixture.entries().filter((entry) => !entry.path.endsWith("model.json"));
    expect(await refusal(tarArchive(withoutModel))).toMatch(/holds no model\.json/);
    expect(
      await refusal(tarArchive([...withoutModel, { path: `${root}/model.yaml`, content: "name: x" }])),
    ).toMatch(/YAML model definition/);
    const twoModels = [...fixture.entries(), ...fixture.entries("istio/1.24.0/v1.0.0").slice(1)];
    expect(await refusal(tarArchive(twoModels))).toMatch(/holds several models/);
    expect(
      await refusal(withExtra({ path: `${root}/components/Order.yaml`, content: "kind: Order" })),
    ).toMatch(/Order\.yaml; only JSON definitions are supported/);
  });
});
