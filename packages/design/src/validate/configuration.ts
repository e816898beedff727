// Every component's configuration checked against its kind's schema from the built-in Kubernetes model.
import { Validator } from "@cfworker/json-schema";
import { kubernetesKindSchema } from "@meshplane/registry";
import type { Component, Design } from "../format/schema";
import { lookupKubernetesKind } from "./kubernetes-kinds";
import { fieldProblems } from "./schema-errors";

export type ConfigurationIssue = {
  /** unknown-kind: a Kubernetes apiVersion without that kind; schema: a field its kind's schema refuses. */
  code: "unknown-kind" | "schema";
  componentIndex: number;
  componentId: string;
  apiVersion: string;
  kind: string;
  name: string;
  /** RFC 6901 pointer into the component as a manifest (apiVersion, kind and its configuration). */
  pointer: string;
  /** The same place written as a field path: spec.template.spec.containers[0].image. */
  path: string;
  message: string;
  /** Set for unknown kinds when one kind is the obvious intent: "apps/v1 Deployment". */
  suggestion?: string;
};

/** A component no schema speaks for: a custom resource or a model the registry does not hold. */
export type UncheckedComponent = {
  componentIndex: number;
  componentId: string;
  apiVersion: string;
  kind: string;
};

export type ConfigurationReport = {
  valid: boolean;
  /** The first MAX_REPORTED_ISSUES issues, in component order. */
  issues: ConfigurationIssue[];
  /** How many issues there are in all. */
  total: number;
  /** Components checked against a schema. */
  checked: number;
  unchecked: UncheckedComponent[];
};

export const MAX_REPORTED_ISSUES = 1000;

// Compiling a schema takes milliseconds (dereferencing its definitions); validating with it, microseconds.
const validators = new Map<string, { validator: Validator; schema: Record<string, unknown> }>();

function validatorFor(apiVersion: string, kind: Parameters<typeof kubernetesKindSchema>[0]) {
  const key = `${apiVersion} ${kind.kind}`;
  let compiled = validators.get(key);
  if (!compiled) {
    const schema = withServerDefaults(kubernetesKindSchema(kind) as Record<string, unknown>);
    compiled = { validator: new Validator(schema as never, "2020-12", false), schema };
    validators.set(key, compiled);
  }
  return compiled;
}

// "Defaults to True.", "If not specified, it defaults to NotRequired.": the OpenAPI document lists these
// fields as required, yet the API server fills them in (the Kubernetes docs' own Job examples omit one).
const SERVER_DEFAULTED = /(^|\.\s+)(Defaults to|If not specified, it defaults to|It will default to)\b/;

/** The schema with server-defaulted fields dropped from `required`; the registry's definitions are not edited. */
function withServerDefaults(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const relaxed: Record<string, Record<string, unknown>> = {};
  for (const [name, definition] of Object.entries(defs)) {
    const required = Array.isArray(definition.required) ? (definition.required as string[]) : [];
    const properties = (definition.properties ?? {}) as Record<string, { description?: unknown }>;
    const kept = required.filter((field) => {
      const description = properties[field]?.description;
      return !(typeof description === "string" && SERVER_DEFAULTED.test(description));
    });
    relaxed[name] = kept.length === required.length ? definition : { ...definition, required: kept };
  }
  return { ...schema, $defs: relaxed };
}

/**
 * Annotations (comments, alias nodes) are never deployed and are skipped; components of built-in kinds are
 * checked, apiVersions of Kubernetes groups without that kind are issues, and anything else is unchecked.
 */
export function validateConfiguration(design: Design): ConfigurationReport {
  const issues: ConfigurationIssue[] = [];
  const unchecked: UncheckedComponent[] = [];
  let total = 0;
  let checked = 0;
  const report = (issue: ConfigurationIssue) => {
    total += 1;
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
  };
  for (const [componentIndex, component] of design.components.entries()) {
    if (component.metadata.isAnnotation) continue;
    const apiVersion = component.component.version;
    const kind = component.component.kind;
    const base = {
      componentIndex,
      componentId: component.id,
      apiVersion,
      kind,
      name: nameOf(component),
    };
    const lookup = lookupKubernetesKind(apiVersion, kind);
    if (lookup.status === "custom") {
      unchecked.push({ componentIndex, componentId: component.id, apiVersion, kind });
      continue;
    }
    if (lookup.status === "unknown") {
      report({
        ...base,
        code: "unknown-kind",
        pointer: "/kind",
        path: "kind",
        message: lookup.message,
        ...(lookup.suggestion ? { suggestion: lookup.suggestion } : {}),
      });
      continue;
    }
    checked += 1;
    const manifest = asManifest(component);
    const { validator, schema } = validatorFor(apiVersion, lookup.kind);
    const result = validator.validate(manifest);
    if (result.valid) continue;
    for (const problem of fieldProblems(result.errors, manifest, schema))
      report({ ...base, code: "schema", ...problem });
  }
  return { valid: total === 0, issues, total, checked, unchecked };
}

/** `components[3] Deployment "web": spec.replicas: expected integer, got string "three"`. */
export function describeIssue(issue: ConfigurationIssue): string {
  const where = issue.code === "schema" ? `${issue.path}: ` : "";
  return `components[${issue.componentIndex}] ${issue.kind} ${JSON.stringify(issue.name)}: ${where}${issue.message}`;
}

function nameOf(component: Component): string {
  const name = (component.configuration.metadata as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name !== "" ? name : component.displayName;
}

/**
 * The component as the API server would read it. Status is the cluster's to write, not the design's, and a
 * null member means "not set" to Kubernetes (`creationTimestamp: null` in `kubectl create -o yaml`).
 */
function asManifest(component: Component): Record<string, unknown> {
  const { status: _status, ...configuration } = component.configuration;
  return {
    ...(withoutNullMembers(configuration) as Record<string, unknown>),
    apiVersion: component.component.version,
    kind: component.component.kind,
  };
}

function withoutNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullMembers);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value))
    if (member !== null) out[key] = withoutNullMembers(member);
  return out;
}
