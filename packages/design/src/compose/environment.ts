// Compose `environment` (list and map forms), `env_file` references and the dotenv files they name.
import type { ComposeProblems, YamlPath } from "./problems";

export type EnvVar = { name: string; value: string };
export type EnvFileReference = { path: string; required: boolean; at: YamlPath };

export function readEnvironment(
  value: unknown,
  at: YamlPath,
  problems: ComposeProblems,
  variables: Readonly<Record<string, string>>,
): EnvVar[] {
  if (value === undefined || value === null) return [];
  const found = new Map<string, string>();
  // "KEY" alone, or KEY: with no value, takes the value from the shell that runs Compose; we only know ours.
  const fromShell = (name: string, path: YamlPath) => {
    const known = variables[name];
    if (known !== undefined) found.set(name, known);
    else
      problems.warn(
        path,
        `${name} takes its value from the shell running Compose, which an import has not: left out`,
      );
  };
  if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      const path = [...at, index];
      const equals = typeof entry === "string" ? entry.indexOf("=") : -1;
      if (typeof entry !== "string") problems.error(path, "an environment entry must be a KEY=value string");
      else if (equals === -1) fromShell(entry, path);
      else found.set(entry.slice(0, equals), entry.slice(equals + 1));
    });
  } else if (typeof value === "object") {
    for (const [name, raw] of Object.entries(value)) {
      const path = [...at, name];
      if (raw === null || raw === undefined) fromShell(name, path);
      else if (typeof raw === "object") problems.error(path, `${name} must be a string, number or boolean`);
      else found.set(name, String(raw));
    }
  } else {
    problems.error(at, "environment must be a list of KEY=value strings or a mapping");
  }
  return [...found].map(([name, envValue]) => ({ name, value: envValue }));
}

export function readEnvFileReferences(
  value: unknown,
  at: YamlPath,
  problems: ComposeProblems,
): EnvFileReference[] {
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value) ? value : [value];
  const references: EnvFileReference[] = [];
  entries.forEach((entry, index) => {
    const path = Array.isArray(value) ? [...at, index] : at;
    if (typeof entry === "string") references.push({ path: entry, required: true, at: path });
    else if (
      typeof entry === "object" &&
      entry !== null &&
      typeof (entry as { path?: unknown }).path === "string"
    ) {
      const { path: file, required } = entry as { path: string; required?: unknown };
      references.push({ path: file, required: required !== false, at: path });
    } else
      problems.error(path, "env_file must name a file, or be a list of files or {path, required} mappings");
  });
  return references;
}

/** A dotenv file (KEY=value lines, quotes, comments, `export`) as variables, with the lines it could not read. */
export function parseDotenv(text: string): { variables: Record<string, string>; unreadableLines: number[] } {
  const variables: Record<string, string> = {};
  const unreadableLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    const value = match ? dotenvValue(match[2] ?? "") : undefined;
    if (!match?.[1] || value === undefined) unreadableLines.push(index + 1);
    else variables[match[1]] = value;
  });
  return { variables, unreadableLines };
}

function dotenvValue(raw: string): string | undefined {
  if (raw.startsWith("'")) {
    const end = raw.indexOf("'", 1);
    return end === -1 ? undefined : raw.slice(1, end);
  }
  if (raw.startsWith('"')) {
    const inner = /^"((?:[^"\\]|\\.)*)"/.exec(raw)?.[1];
    return inner?.replace(/\\([nrt"\\])/g, (_, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
  }
  // An unquoted value ends where a " #" comment starts.
  return raw.replace(/\s+#.*$/, "").trim();
}
