// Docker Compose files into Meshery designs: Compose → Kubernetes objects → the manifest importer's components.
import { DESIGN_SCHEMA_VERSION, type Design } from "../format/schema";
import { type ImportOptions, type ImportResult, toComponent } from "../kubernetes/import";
import type { ComposeFiles } from "./config-maps";
import { parseDotenv } from "./environment";
import { composeToKubernetesObjects } from "./kubernetes-objects";
import { readComposeText } from "./read";

export type ComposeImportOptions = ImportOptions & {
  /** Variables for `${VAR}` interpolation; a `.env` among `files` is read first, as Compose does. */
  variables?: Readonly<Record<string, string>>;
  /** Files next to the Compose file (env_file, configs), keyed by the path the Compose file names. */
  files?: ComposeFiles;
};

export function importComposeFile(text: string, options: ComposeImportOptions = {}): ImportResult {
  const files = options.files ?? {};
  const dotenv = files[".env"] ?? files["./.env"];
  const variables = { ...(dotenv ? parseDotenv(dotenv).variables : {}), ...options.variables };
  const read = readComposeText(text, variables);
  if (!("root" in read)) return { ok: false, errors: [read] };
  const { root, problems } = read;
  const objects = composeToKubernetesObjects(root, problems, files, variables);
  if (problems.errors.length > 0) return { ok: false, errors: problems.errors };
  const newId = options.newId ?? (() => crypto.randomUUID());
  const design: Design = {
    id: newId(),
    name:
      options.name ??
      (typeof root.name === "string" && root.name !== "" ? root.name : "Imported Compose file"),
    schemaVersion: DESIGN_SCHEMA_VERSION,
    version: "0.0.1",
    components: objects.map((object) => toComponent(object, newId())),
    relationships: [],
  };
  return { ok: true, design, warnings: problems.warnings };
}
