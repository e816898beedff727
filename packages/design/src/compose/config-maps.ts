// ConfigMaps made from Compose: env_file contents and top-level configs, and how pods mount them.
import { type EnvFileReference, parseDotenv } from "./environment";
import { kubernetesName, type NameScope } from "./names";
import type { ComposeProblems, YamlPath } from "./problems";
import type { PodVolume, VolumeMount } from "./volumes";

export type ConfigMapObject = {
  apiVersion: "v1";
  kind: "ConfigMap";
  metadata: { name: string };
  data: Record<string, string>;
};
type ConfigDeclaration = { configMap: string; key: string };

/** Files that sit next to the Compose file, keyed by the path Compose names them with ("./api.env"). */
export type ComposeFiles = Readonly<Record<string, string>>;

export class ComposeConfigMaps {
  readonly objects: ConfigMapObject[] = [];
  private readonly envFileMaps = new Map<string, string>();
  private readonly configs = new Map<string, ConfigDeclaration>();

  constructor(
    private readonly files: ComposeFiles,
    private readonly names: NameScope,
    private readonly problems: ComposeProblems,
  ) {}

  /** The ConfigMap holding an env_file's variables, or undefined when the file was not provided. */
  forEnvFile(reference: EnvFileReference, service: string): string | undefined {
    const known = this.envFileMaps.get(reference.path);
    if (known) return known;
    const text = fileText(this.files, reference.path);
    if (text === undefined) {
      const optional = reference.required ? "" : "optional ";
      this.problems.warn(
        reference.at,
        `${optional}env_file ${reference.path} was not provided with the Compose file: its variables are missing from ${service}; import the file with it or list them under environment`,
      );
      return undefined;
    }
    const { variables, unreadableLines } = parseDotenv(text);
    if (unreadableLines.length > 0) {
      this.problems.warn(
        reference.at,
        `${reference.path}: lines ${unreadableLines.join(", ")} are not KEY=value and were skipped`,
      );
    }
    const name = this.add(kubernetesName(reference.path.replace(/^\.\//, "")) || "env", variables);
    this.envFileMaps.set(reference.path, name);
    return name;
  }

  /** Top-level `configs`: one ConfigMap each, holding the file under its base name. */
  declare(value: unknown, variables: Readonly<Record<string, string>>): void {
    if (value === undefined || value === null) return;
    if (typeof value !== "object" || Array.isArray(value)) {
      this.problems.error(["configs"], "configs must be a mapping of config names to definitions");
      return;
    }
    for (const [key, raw] of Object.entries(value)) {
      const at = ["configs", key];
      const definition = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
      const configMapName =
        kubernetesName(typeof definition.name === "string" ? definition.name : key) || "config";
      if (definition.external === true) {
        this.problems.warn(at, `config ${key} is external: ConfigMap ${configMapName} must already exist`);
        this.configs.set(key, { configMap: configMapName, key: dataKey(key) });
        continue;
      }
      const file = typeof definition.file === "string" ? definition.file : undefined;
      const dataName = dataKey(file ? (file.split("/").at(-1) ?? key) : key);
      let content: string | undefined;
      if (typeof definition.content === "string") content = definition.content;
      else if (typeof definition.environment === "string") content = variables[definition.environment];
      else if (file) content = fileText(this.files, file);
      if (content === undefined) {
        const source =
          file ?? (typeof definition.environment === "string" ? `$${definition.environment}` : "nothing");
        this.problems.warn(
          at,
          `config ${key} reads ${source}, which was not provided: ConfigMap ${configMapName} is created empty`,
        );
      }
      this.configs.set(key, {
        configMap: this.add(configMapName, { [dataName]: content ?? "" }),
        key: dataName,
      });
    }
  }

  /** A service's `configs` as read-only single-file mounts, at /<name> unless a target says otherwise. */
  mount(
    value: unknown,
    at: YamlPath,
    podVolumes: NameScope,
  ): { volumes: PodVolume[]; mounts: VolumeMount[] } {
    const out = { volumes: [] as PodVolume[], mounts: [] as VolumeMount[] };
    if (value === undefined || value === null) return out;
    if (!Array.isArray(value)) {
      this.problems.error(at, "configs must be a list");
      return out;
    }
    value.forEach((entry, index) => {
      const source = typeof entry === "string" ? entry : (entry as { source?: unknown } | null)?.source;
      const target =
        typeof entry === "object" && entry !== null ? (entry as { target?: unknown }).target : undefined;
      const declared = typeof source === "string" ? this.configs.get(source) : undefined;
      if (!declared) {
        this.problems.error(
          [...at, index],
          `config ${String(source)} is not declared under the top-level configs`,
        );
        return;
      }
      const mountPath =
        typeof target === "string" ? (target.startsWith("/") ? target : `/${target}`) : `/${source}`;
      const name = podVolumes.claim(`config-${declared.configMap}`);
      out.volumes.push({ name, configMap: { name: declared.configMap } });
      out.mounts.push({ name, mountPath, subPath: declared.key, readOnly: true });
    });
    return out;
  }

  private add(base: string, data: Record<string, string>): string {
    const name = this.names.claim(base);
    this.objects.push({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data });
    return name;
  }
}

function fileText(files: ComposeFiles, path: string): string | undefined {
  const bare = path.replace(/^\.\//, "");
  return files[path] ?? files[bare] ?? files[`./${bare}`];
}

// ConfigMap keys allow letters, digits, "-", "_" and ".".
function dataKey(name: string): string {
  return name.replace(/[^-._a-zA-Z0-9]/g, "-") || "config";
}
