import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type JsonSchema, listQuery, readListState, type SchemaField, schemaFieldTree } from "./registry";

// The registry's generated Kubernetes snapshot, read as the fixture it is (the web does not depend on that package).
const snapshot = JSON.parse(
  readFileSync(
    new URL("../../../../packages/registry/src/kubernetes/generated/kubernetes-model.json", import.meta.url),
    "utf8",
  ),
) as { kinds: { kind: string; schema: JsonSchema }[]; definitions: Record<string, JsonSchema> };

const schemaOf = (kind: string): JsonSchema => {
  const found = snapshot.kinds.find((k) => k.kind === kind);
  if (!found) throw new Error(`no ${kind}`);
  return { ...found.schema, $defs: snapshot.definitions };
};

const find = (fields: SchemaField[] | undefined, path: string): SchemaField | undefined => {
  for (const field of fields ?? []) {
    if (field.path === path) return field;
    const inner = find(field.children, path);
    if (inner) return inner;
  }
  return undefined;
};

describe("the schema field tree", () => {
  it("shows a Deployment's fields with types, required flags and descriptions, through $refs", () => {
    const tree = schemaFieldTree(schemaOf("Deployment"));
    expect(tree?.map((f) => f.name)).toEqual(["apiVersion", "kind", "metadata", "spec", "status"]);
    expect(find(tree, "spec.replicas")).toMatchObject({
      type: "integer (int32)",
      required: false,
      description: expect.stringMatching(/Number of desired pods/),
    });
    expect(find(tree, "spec.selector")).toMatchObject({ required: true, type: "object" });
    expect(find(tree, "spec.template.spec")).toMatchObject({ deeper: true, children: [] });
    expect(find(tree, "metadata.labels")?.type).toBe("map of string");
  });

  it("opens a deeper field on request, through arrays, and refuses paths that do not exist", () => {
    const schema = schemaOf("Deployment");
    const podSpec = schemaFieldTree(schema, "spec.template.spec");
    expect(find(podSpec, "spec.template.spec.containers")?.type).toBe("array of object");
    expect(find(podSpec, "spec.template.spec.containers[].image")).toMatchObject({ type: "string" });
    expect(find(podSpec, "spec.template.spec.containers[].name")?.required).toBe(true);
    const containers = schemaFieldTree(schema, "spec.template.spec.containers[]");
    const names = containers?.map((f) => f.name) ?? [];
    expect(names).toContain("livenessProbe");
    expect(names).toEqual([...names].sort());
    expect(schemaFieldTree(schema, "spec.nothing")).toBeUndefined();
    expect(schemaFieldTree(schema, "spec.template.spec.containers")).toBeUndefined();
    expect(schemaFieldTree(schema, "spec.replicas")).toEqual([]);
  });

  it("stops at a definition that contains itself instead of looping", () => {
    const schema = {
      type: "object",
      properties: { root: { $ref: "#/$defs/Node" } },
      $defs: {
        Node: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string" },
            child: { $ref: "#/$defs/Node" },
            kids: { type: "array", items: { $ref: "#/$defs/Node" } },
          },
        },
      },
    };
    const tree = schemaFieldTree(schema, "", 10);
    expect(find(tree, "root.name")?.required).toBe(true);
    expect(find(tree, "root.child")).toMatchObject({ recursive: true, children: [] });
    expect(find(tree, "root.kids")).toMatchObject({ recursive: true, children: [] });
    expect(schemaFieldTree({ type: "string" })).toEqual([]);
  });
});

describe("list state in the URL", () => {
  it("reads and writes q, page and version, ignoring junk", () => {
    expect(readListState({ q: " deploy ", page: "2", version: "v1.0.0" })).toEqual({
      q: "deploy",
      page: 2,
      version: "v1.0.0",
    });
    expect(readListState({ page: "-3" })).toEqual({ page: 0 });
    expect(readListState({ page: "1e9", q: ["a", "b"] })).toEqual({ q: "a", page: 0 });
    expect(listQuery({ q: "a&b", page: 1 })).toBe("?q=a%26b&page=1");
    expect(listQuery({ page: 0 })).toBe("");
  });
});
