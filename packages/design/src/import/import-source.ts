// One entry for every upload: detect the format, run its importer, and keep the source for the caller to store.
import { type ComposeFiles, importComposeFile } from "../compose";
import { type ImportResult, importKubernetesManifests } from "../kubernetes/import";
import { importMesheryDesign } from "./meshery-design";
import { classifySource, type SourceFormat } from "./source-format";

export type DesignSource = {
  content: string | Uint8Array;
  /** The uploaded file's name: it settles Chart.yaml and kustomization.yaml, whose content alone is ambiguous. */
  filename?: string;
  /** The design's name; otherwise the source's own (a design's name, a Compose project name) or a default. */
  name?: string;
};
export type SourceImportOptions = {
  newId?: () => string;
  /** Files next to a Compose file (env_file, configs, .env), keyed by the path the Compose file names. */
  files?: ComposeFiles;
  variables?: Readonly<Record<string, string>>;
};
export type SourceImportResult = ImportResult & {
  format: SourceFormat;
  /** The source exactly as given: Meshery keeps it (sourceContent) so it can be downloaded again. */
  source: { content: string | Uint8Array; filename?: string };
};

const HELM_NOT_SUPPORTED =
  "Helm charts are not supported yet: render the chart with `helm template` and import the manifests it prints";
const KUSTOMIZE_NOT_SUPPORTED =
  "Kustomizations are not supported yet: build it with `kubectl kustomize` and import the manifests it prints";

export async function importDesignSource(
  source: DesignSource,
  options: SourceImportOptions = {},
): Promise<SourceImportResult> {
  const { format, text, reason } = await classifySource(source.content, source.filename);
  const kept = {
    format,
    source: {
      content: source.content,
      ...(source.filename !== undefined ? { filename: source.filename } : {}),
    },
  };
  const named = { ...(source.name !== undefined ? { name: source.name } : {}) };
  const ids = { ...(options.newId ? { newId: options.newId } : {}) };
  const result = (): ImportResult => {
    if (format === "helm-chart") return { ok: false, errors: [{ message: HELM_NOT_SUPPORTED }] };
    if (format === "kustomization") return { ok: false, errors: [{ message: KUSTOMIZE_NOT_SUPPORTED }] };
    if (format === "unknown" || text === undefined) {
      return { ok: false, errors: [reason ?? { message: "the file's format is not recognised" }] };
    }
    if (format === "meshery-design") return importMesheryDesign(text, named);
    if (format === "kubernetes-manifests") return importKubernetesManifests(text, { ...named, ...ids });
    return importComposeFile(text, {
      ...named,
      ...ids,
      ...(options.files ? { files: options.files } : {}),
      ...(options.variables ? { variables: options.variables } : {}),
    });
  };
  return { ...result(), ...kept };
}
