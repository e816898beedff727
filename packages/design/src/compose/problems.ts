// Errors and warnings of one Compose import, each placed on the line of the YAML node it is about.
import type { ImportProblem } from "../kubernetes/import";

/** A path into the Compose document: `["services", "web", "ports", 0]`. */
export type YamlPath = readonly (string | number)[];

export class ComposeProblems {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];

  constructor(private readonly lineOf: (path: YamlPath) => number | undefined) {}

  /** `at` is a path into the document, or a line already known (interpolation works on nodes). */
  error(at: YamlPath | number, message: string): void {
    this.errors.push(this.placed(at, message));
  }

  warn(at: YamlPath | number, message: string): void {
    this.warnings.push(this.placed(at, message));
  }

  private placed(at: YamlPath | number, message: string): ImportProblem {
    const line = typeof at === "number" ? at : this.lineOf(at);
    return line === undefined ? { message } : { line, message };
  }
}
