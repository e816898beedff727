// Model import from a .tar or .tar.gz holding a Meshery model directory: model.json, components/, relationships/.
import { type ModelBundle, RegistryInputError } from "../definitions";
import { gunzipBounded, isGzip } from "./gunzip";
import { byteSize, type ImportLimits, importLimits } from "./import-limits";
import { listAt, parseJsonFile } from "./model-json";
import { normalizeMesheryModel } from "./normalize-meshery-model";
import { readTar, type TarFile } from "./ustar";

const basename = (path: string) => path.slice(path.lastIndexOf("/") + 1);
const dirname = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

// Finder and tar on macOS add AppleDouble "._x" companions and .DS_Store files; they are never model content.
const isPlatformLitter = (path: string) => basename(path).startsWith("._") || basename(path) === ".DS_Store";

/** The one model.json of the archive; Meshery nests it as <name>/<version>/<definition version>/model.json. */
function modelDefinitionFile(files: TarFile[], archive: string): TarFile {
  const candidates = files.filter((file) => basename(file.path) === "model.json");
  if (candidates.length > 1) {
    const paths = candidates.map((file) => file.path).join(", ");
    throw new RegistryInputError(`holds several models (${paths}); import one at a time`, archive);
  }
  const [found] = candidates;
  if (found) return found;
  if (files.some((file) => /^model\.ya?ml$/.test(basename(file.path)))) {
    throw new RegistryInputError("has a YAML model definition; export the model as JSON", archive);
  }
  throw new RegistryInputError("holds no model.json", archive);
}

/** The JSON files directly inside `<model dir>/<folder>/`, in name order so imports are deterministic. */
function definitionFiles(files: TarFile[], modelDir: string, folder: string, archive: string): TarFile[] {
  const prefix = modelDir ? `${modelDir}/${folder}/` : `${folder}/`;
  const inFolder = files.filter(
    (file) => file.path.startsWith(prefix) && !file.path.slice(prefix.length).includes("/"),
  );
  const yaml = inFolder.find((file) => /\.ya?ml$/.test(file.path));
  if (yaml) throw new RegistryInputError(`holds ${yaml.path}; only JSON definitions are supported`, archive);
  return inFolder.filter((file) => file.path.endsWith(".json")).sort((a, b) => (a.path < b.path ? -1 : 1));
}

export async function importModelArchive(
  bytes: Uint8Array,
  options: { fileName?: string; limits?: Partial<ImportLimits> } = {},
): Promise<ModelBundle> {
  const limits = importLimits(options.limits);
  const archive = options.fileName ?? "model archive";
  if (bytes.byteLength > limits.maxInputBytes) {
    throw new RegistryInputError(`is larger than ${byteSize(limits.maxInputBytes)}`, archive);
  }
  const tar = isGzip(bytes) ? await gunzipBounded(bytes, limits.maxUnpackedBytes, archive) : bytes;
  const files = readTar(tar, limits, archive).filter((file) => !isPlatformLitter(file.path));
  const modelFile = modelDefinitionFile(files, archive);
  const modelDir = dirname(modelFile.path);
  const sourced = (file: TarFile) => ({
    source: `${archive}: ${file.path}`,
    value: parseJsonFile(file.data, `${archive}: ${file.path}`, limits.maxFileBytes),
  });
  const model = sourced(modelFile);
  // Meshery writes `"components": null` in model.json; definitions listed there anyway join the folders'.
  const embedded = (model.value ?? {}) as { components?: unknown; relationships?: unknown };
  return normalizeMesheryModel(
    model,
    [
      ...listAt(embedded.components, model.source, "components"),
      ...definitionFiles(files, modelDir, "components", archive).map(sourced),
    ],
    [
      ...listAt(embedded.relationships, model.source, "relationships"),
      ...definitionFiles(files, modelDir, "relationships", archive).map(sourced),
    ],
  );
}
