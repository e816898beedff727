// What an uploaded file is: a Meshery design, Kubernetes manifests, a Compose file, a Helm chart or a kustomization.
import { isMap, isScalar, parseAllDocuments, type YAMLMap } from "yaml";
import type { ImportProblem } from "../kubernetes/import";
import { archiveEntryNames, archiveKind } from "./archive-entries";

export type SourceFormat =
  | "meshery-design"
  | "kubernetes-manifests"
  | "docker-compose"
  | "helm-chart"
  | "kustomization"
  | "unknown";

/** The format, the text when the source is text, and why an unknown source could not be placed. */
export type ClassifiedSource = { format: SourceFormat; text?: string; reason?: ImportProblem };

export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
const KUSTOMIZATION_FILES = new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);
const COMPOSE_FILE = /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/;
const HELM_TEMPLATE = /\{\{-?\s*(\.Values|\.Release|\.Chart|include|template)\b/;
const KUSTOMIZE_KEYS = [
  ...["resources", "bases", "components", "patches", "patchesStrategicMerge", "patchesJson6902"],
  ...["configMapGenerator", "secretGenerator", "helmCharts", "namePrefix", "nameSuffix", "commonLabels"],
];

export async function detectSourceFormat(
  content: string | Uint8Array,
  filename?: string,
): Promise<SourceFormat> {
  return (await classifySource(content, filename)).format;
}

export async function classifySource(
  content: string | Uint8Array,
  filename?: string,
): Promise<ClassifiedSource> {
  const size = typeof content === "string" ? content.length : content.byteLength;
  if (size > MAX_SOURCE_BYTES) {
    return unknown(`the file is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
  }
  let text = content;
  if (typeof content !== "string") {
    if (archiveKind(content)) return classifyArchive(await archiveEntryNames(content));
    text = decodedText(content) ?? "";
    if (text === "" && content.byteLength > 0) return binary();
  }
  if (typeof text !== "string" || text.includes("\u0000")) return binary();
  const format = classifyText(text, baseName(filename));
  return typeof format === "string" ? { format, text } : { format: "unknown", text, reason: format };
}

function classifyArchive(entries: string[] | undefined): ClassifiedSource {
  if (!entries) return unknown("the file is compressed data, but not a tar or zip archive");
  const names = entries.map(baseName);
  if (names.includes("Chart.yaml")) return { format: "helm-chart" };
  if (names.some((name) => KUSTOMIZATION_FILES.has(name))) return { format: "kustomization" };
  return unknown("the archive holds neither a Helm chart (Chart.yaml) nor a kustomization");
}

function classifyText(text: string, filename: string): SourceFormat | ImportProblem {
  if (filename === "Chart.yaml") return "helm-chart";
  if (KUSTOMIZATION_FILES.has(filename)) return "kustomization";
  const documents = parseAllDocuments(text);
  const all = Array.isArray(documents) ? documents : [documents];
  const syntax = all.find((doc) => doc.errors.length > 0)?.errors[0];
  if (syntax) {
    if (HELM_TEMPLATE.test(text)) return "helm-chart";
    const message = `the file is not valid YAML or JSON: ${syntax.message.split("\n")[0] ?? ""}`;
    return { line: syntax.linePos?.[0].line, message };
  }
  const maps = all.flatMap((doc) => (isMap(doc.contents) ? [doc.contents as YAMLMap] : []));
  const [first] = maps;
  if (!first) {
    const message = "the file is not a Meshery design, Kubernetes manifests or a Docker Compose file";
    return all.some((doc) => doc.contents !== null) ? { message } : { message: "the file is empty" };
  }
  const read = (map: YAMLMap, key: string) => scalarAt(map, key);
  const apiVersion = read(first, "apiVersion");
  if (read(first, "schemaVersion")?.startsWith("designs.meshery.io")) return "meshery-design";
  if (first.has("components") && first.has("name") && !first.has("apiVersion")) return "meshery-design";
  if (first.has("services") && first.has("name") && isLegacyDesign(first)) return "meshery-design";
  // Helm templates are not YAML until rendered, though some parse as odd flow mappings: say what they are.
  if (HELM_TEMPLATE.test(text)) return "helm-chart";
  if (apiVersion?.startsWith("kustomize.config.k8s.io") || read(first, "kind") === "Kustomization")
    return "kustomization";
  if (maps.some((map) => read(map, "apiVersion") && read(map, "kind"))) return "kubernetes-manifests";
  if (first.has("services") || COMPOSE_FILE.test(filename)) return "docker-compose";
  // Chart.yaml: apiVersion v1 or v2, a name and a version, and no kind.
  if ((apiVersion === "v1" || apiVersion === "v2") && first.has("name") && first.has("version"))
    return "helm-chart";
  if (!apiVersion && KUSTOMIZE_KEYS.some((key) => first.has(key))) return "kustomization";
  return { message: "the file is not a Meshery design, Kubernetes manifests or a Docker Compose file" };
}

/** Meshery's legacy v1alpha2 designs also have `services`, but each with a `type` and no image. */
function isLegacyDesign(map: YAMLMap): boolean {
  const services = map.get("services");
  if (!isMap(services)) return false;
  const [firstService] = services.items;
  const definition = firstService?.value;
  return isMap(definition) && definition.has("type") && !definition.has("image") && !definition.has("build");
}

function scalarAt(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  return isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

function decodedText(bytes: Uint8Array): string | undefined {
  try {
    // fatal: a byte sequence that is not UTF-8 means binary data, not text with replacement characters.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function baseName(filename: string | undefined): string {
  return filename?.split(/[\\/]/).at(-1) ?? "";
}

function unknown(message: string): ClassifiedSource {
  return { format: "unknown", reason: { message } };
}

function binary(): ClassifiedSource {
  return unknown(
    "the file is binary data, and neither a Helm chart nor a kustomization archive: upload a design, manifests or a Compose file as YAML or JSON",
  );
}
