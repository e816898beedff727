// What every save goes through: the design schema, the Kubernetes model's kinds and schemas, then the relationship engine.
import {
  builtInRelationshipDefinitions,
  type ConfigurationReport,
  type Design,
  describeIssue,
  type EvaluationResult,
  evaluateRelationships,
  parseDesign,
  validateConfiguration,
} from "@meshplane/design";
import { ApiError } from "../../errors";

/** Meshery's own limit is about a thousand components; ten thousand is generous and still bounded. */
export const MAX_COMPONENTS = 10_000;

/** How many configuration issues a refusal lists; the message always gives the total. */
export const MAX_LISTED_ISSUES = 50;

/**
 * The design schema and the size limit, then the components against the Kubernetes model: a kind Kubernetes
 * does not serve at that apiVersion, or a field its schema refuses, answers 422 naming each one. Custom
 * resources and other models' components pass unchecked: the registry holds no schema for them here.
 */
export function validDesign(input: unknown): Design {
  const design = parsedDesign(input);
  const report = validateConfiguration(design);
  if (!report.valid) throw new ApiError({ code: "UNPROCESSABLE_ENTITY", message: refusal(report) });
  return design;
}

function refusal(report: ConfigurationReport): string {
  const listed = report.issues.slice(0, MAX_LISTED_ISSUES);
  const count = `${report.total} issue${report.total === 1 ? "" : "s"}`;
  const shown = report.total > listed.length ? `, the first ${listed.length} listed` : "";
  const lines = listed.map((issue) => `${describeIssue(issue)} (at ${issue.pointer})`);
  return `The design's components do not fit the Kubernetes model (${count}${shown}): ${lines.join("; ")}`;
}

/** The design schema and the size limit only: for evaluation, which reports configuration issues instead. */
export function parsedDesign(input: unknown): Design {
  const parsed = parseDesign(input);
  if (!parsed.ok) {
    const issues = parsed.issues.slice(0, 10).map((issue) => `${issue.path || "(root)"}: ${issue.message}`);
    throw new ApiError({
      code: "UNPROCESSABLE_ENTITY",
      message: `The design is not valid: ${issues.join("; ")}`,
    });
  }
  if (parsed.design.components.length > MAX_COMPONENTS) {
    throw new ApiError({
      code: "UNPROCESSABLE_ENTITY",
      message: `The design has ${parsed.design.components.length} components; the limit is ${MAX_COMPONENTS}`,
    });
  }
  return parsed.design;
}

let definitions: ReturnType<typeof builtInRelationshipDefinitions> | undefined;

export function evaluated(design: Design): EvaluationResult {
  definitions ??= builtInRelationshipDefinitions();
  return evaluateRelationships(design, definitions);
}
