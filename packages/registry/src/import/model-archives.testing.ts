// Builds tar and tar.gz archives in tests, including malformed ones no honest tar tool would write.

export type TestEntry = {
  path: string;
  content?: string | Uint8Array;
  /** Tar type flag: "0" file (default), "5" directory, "2" symlink, "x" pax header, "L" GNU long name. */
  type?: string;
  linkName?: string;
  /** Size written in the header when it should lie about the data that follows. */
  declaredSize?: number;
  corruptChecksum?: boolean;
};

const encoder = new TextEncoder();
const bytesOf = (content: string | Uint8Array = "") =>
  typeof content === "string" ? encoder.encode(content) : content;

function write(header: Uint8Array, offset: number, value: string, length: number): void {
  header.set(encoder.encode(value).subarray(0, length), offset);
}

const octalField = (value: number, length: number) => `${value.toString(8).padStart(length - 1, "0")}\0`;

function header(entry: TestEntry, name: string, size: number): Uint8Array {
  const block = new Uint8Array(512);
  write(block, 0, name, 100);
  write(block, 100, octalField(0o644, 8), 8);
  write(block, 108, octalField(0, 8), 8);
  write(block, 116, octalField(0, 8), 8);
  write(block, 124, octalField(entry.declaredSize ?? size, 12), 12);
  write(block, 136, octalField(1_700_000_000, 12), 12);
  write(block, 148, "        ", 8);
  write(block, 156, entry.type ?? "0", 1);
  write(block, 157, entry.linkName ?? "", 100);
  write(block, 257, "ustar\u000000", 8);
  write(block, 265, "meshplane", 32);
  let sum = 0;
  for (const byte of block) sum += byte;
  if (entry.corruptChecksum) sum += 1;
  write(block, 148, `${sum.toString(8).padStart(6, "0")}\0 `, 8);
  return block;
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 512) * 512);
  out.set(data);
  return out;
}

/** A ustar archive of the entries; names over 100 bytes get a pax `path` record, as GNU and BSD tar do. */
export function tarArchive(entries: TestEntry[], options: { endMarker?: boolean } = {}): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const data = bytesOf(entry.content);
    let name = entry.path;
    if (encoder.encode(name).length > 100 && entry.type !== "L") {
      const record = `path=${name}\n`;
      let length = record.length + 3;
      while (`${length} ${record}`.length !== length) length += 1;
      const pax = encoder.encode(`${length} ${record}`);
      blocks.push(header({ path: "PaxHeader", type: "x" }, "PaxHeader", pax.length), padded(pax));
      name = name.slice(-90);
    }
    blocks.push(header(entry, name, data.length), padded(data));
  }
  if (options.endMarker !== false) blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((total, block) => total + block.length, 0));
  let offset = 0;
  for (const block of blocks) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  }).pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** A small cert-manager model in Meshery's exported shape: model, two components, one relationship. */
export function certManagerModel() {
  const modelReference = { name: "cert-manager", version: "v1.0.0", model: { version: "v1.16.1" } };
  const component = (kind: string, namespaced: boolean, required: string[]) => ({
    id: "00000000-0000-0000-0000-000000000000",
    schemaVersion: "components.meshery.io/v1beta1",
    version: "v1.0.0",
    displayName: kind,
    description: `cert-manager ${kind}`,
    format: "JSON",
    model: modelReference,
    styles: { primaryColor: "#0b70aa", shape: "circle" },
    capabilities: [{ kind: "mutate", type: "configuration", subType: "", displayName: "Configuration" }],
    status: "enabled",
    metadata: { isNamespaced: namespaced, isAnnotation: false, genealogy: "", published: false },
    configuration: null,
    component: {
      version: "cert-manager.io/v1",
      kind,
      schema: JSON.stringify({ type: "object", properties: { spec: { type: "object", required } } }),
    },
  });
  const relationship = {
    id: "3f1a7c1e-8f7b-4d0a-9d77-0c1a5b4e2d10",
    schemaVersion: "relationships.meshery.io/v1beta2",
    version: "v1.0.0",
    kind: "edge",
    type: "non-binding",
    subType: "reference",
    status: "enabled",
    evaluationQuery: "",
    model: modelReference,
    metadata: { description: "A Certificate is issued by the Issuer it names", isAnnotation: false },
    selectors: [
      {
        allow: {
          from: [
            {
              kind: "Certificate",
              model: { name: "cert-manager" },
              patch: { mutatedRef: [["configuration", "spec", "issuerRef", "name"]] },
            },
          ],
          to: [{ kind: "Issuer", model: { name: "cert-manager" }, patch: { mutatorRef: [["displayName"]] } }],
        },
        deny: { from: [], to: [] },
      },
    ],
  };
  const model = {
    id: "00000000-0000-0000-0000-000000000000",
    schemaVersion: "models.meshery.io/v1beta1",
    version: "v1.0.0",
    name: "cert-manager",
    displayName: "cert-manager",
    description: "X.509 certificate management for Kubernetes",
    status: "enabled",
    registrant: { kind: "artifacthub", name: "Artifact Hub", sub_type: "", status: "discovered" },
    category: { name: "Security & Compliance" },
    subCategory: "Key Management",
    metadata: { primaryColor: "#0b70aa", svgColor: "<svg/>", isAnnotation: false },
    model: { version: "v1.16.1" },
    components: null,
    relationships: null,
  };
  const certificate = component("Certificate", true, ["secretName", "issuerRef"]);
  const issuer = component("Issuer", true, []);
  return {
    model,
    certificate,
    issuer,
    relationship,
    /** The directory layout Meshery exports: <name>/<model version>/<definition version>/... */
    entries: (root = "cert-manager/v1.16.1/v1.0.0"): TestEntry[] => [
      { path: "cert-manager/", type: "5" },
      { path: `${root}/model.json`, content: json(model) },
      { path: `${root}/components/Certificate.json`, content: json(certificate) },
      { path: `${root}/components/Issuer.json`, content: json(issuer) },
      {
        path: `${root}/relationships/edge-non-binding-reference-certificate-issuer.json`,
        content: json(relationship),
      },
    ],
  };
}
