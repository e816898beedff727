import { describe, expect, it } from "vitest";
import { RegistryInputError } from "../definitions";
import { importModel } from "./import-model";
import { importModelArchive } from "./model-archive";
import { certManagerModel, gzip, tarArchive } from "./model-archives.testing";
import { importModelJson } from "./model-json";

const fixture = certManagerModel();
const fromJson = () =>
  importModelJson(
    JSON.stringify({
      ...fixture.model,
      components: [fixture.certificate, fixture.issuer],
      relationships: [fixture.relationship],
    }),
  );

describe("importing a model directory from an archive", () => {
  it("reads Meshery's nested layout from a plain tar", async () => {
    const bundle = await importModelArchive(tarArchive(fixture.entries()), { fileName: "cert-manager.tar" });
    expect(bundle.model).toMatchObject({
      name: "cert-manager",
      version: "v1.0.0",
      category: "Security & Compliance",
    });
    expect(bundle.components.map((c) => c.kind)).toEqual(["Certificate", "Issuer"]);
    expect(bundle.relationships.map((r) => `${r.kind}-${r.type}-${r.subType}`)).toEqual([
      "edge-non-binding-reference",
    ]);
  });

  it("reads the same model from a tar.gz, and both match the JSON import", async () => {
    const tar = tarArchive(fixture.entries());
    const fromTar = await importModelArchive(tar);
    const fromTarGz = await importModelArchive(await gzip(tar));
    expect(fromTarGz).toEqual(fromTar);
    expect(fromTar).toEqual(fromJson());
  });

  it("reads a flat layout, long pax and GNU names, and skips what is not a definition", async () => {
    const deep = `${"very-long-directory-name/".repeat(6)}cert-manager`;
    const entries = fixture.entries(deep).map((entry, index) =>
      // Every other entry spells its long name GNU-style: an "L" record holding the name first.
      index % 2 && entry.path.length > 100
        ? [
            { path: "././@LongLink", type: "L", content: `${entry.path}\0` },
            { ...entry, path: "truncated" },
          ]
        : [entry],
    );
    const litter = [
      { path: `${deep}/policies/relationship.rego`, content: "package x" },
      { path: `${deep}/components/._Certificate.json`, content: new Uint8Array([0, 5, 22, 7]) },
      { path: `${deep}/components/icons/certificate.svg`, content: "<svg/>" },
      { path: `${deep}/.DS_Store`, content: new Uint8Array([0, 0, 0, 1]) },
    ];
    const bundle = await importModelArchive(tarArchive([...entries.flat(), ...litter]));
    expect(bundle).toEqual(fromJson());

    const flat = fixture.entries("").map((entry) => ({ ...entry, path: entry.path.replace(/^\//, "") }));
    expect(await importModelArchive(tarArchive(flat.slice(1)))).toEqual(fromJson());
  });

  it("accepts archives whose writer left out the end-of-archive blocks", async () => {
    const bundle = await importModelArchive(tarArchive(fixture.entries(), { endMarker: false }));
    expect(bundle.components).toHaveLength(2);
  });

  it("merges definitions listed in model.json with those in the folders", async () => {
    const entries = fixture.entries();
    const model = { ...fixture.model, relationships: [fixture.relationship] };
    entries[1] = { path: "cert-manager/v1.16.1/v1.0.0/model.json", content: JSON.stringify(model) };
    const bundle = await importModelArchive(tarArchive(entries.slice(0, 4)));
    expect(bundle.relationships).toHaveLength(1);
    expect(bundle.components).toHaveLength(2);
  });
});

describe("importing a model upload of any supported format", () => {
  it("tells JSON, tar and tar.gz apart by their first bytes", async () => {
    const tar = tarArchive(fixture.entries());
    const json = new TextEncoder().encode(
      `\n  ${JSON.stringify({ ...fixture.model, components: [fixture.certificate, fixture.issuer], relationships: [fixture.relationship] })}`,
    );
    const expected = fromJson();
    expect(await importModel(json, { fileName: "cert-manager.json" })).toEqual(expected);
    expect(await importModel(tar, { fileName: "cert-manager.tar" })).toEqual(expected);
    expect(await importModel(await gzip(tar), { fileName: "cert-manager.tgz" })).toEqual(expected);
  });

  it("refuses anything else, naming the upload", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(importModel(zip, { fileName: "model.zip" })).rejects.toThrow(
      new RegistryInputError("is not a model: expected JSON, .tar or .tar.gz", "model.zip"),
    );
  });
});
