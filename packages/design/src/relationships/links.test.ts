// Matching by ref pairs: label selector semantics, the index that avoids comparing every pair, and paths.
import { describe, expect, it } from "vitest";
import type { Component } from "../format/schema";
import { type Link, linkedPairs, linkOf } from "./links";
import { type MatchStrategy, matchStrategy } from "./match-strategies";
import { concretePaths, valuesAt } from "./paths";

function component(id: string, kind: string, configuration: Record<string, unknown>): Component {
  return {
    id,
    schemaVersion: "components.meshery.io/v1beta1",
    version: "v1.0.0",
    displayName: id,
    description: "",
    format: "JSON",
    model: { name: "kubernetes" },
    component: { version: "v1", kind, schema: "" },
    configuration,
    metadata: { isAnnotation: false },
  };
}

const SELECTOR = ["configuration", "spec", "selector"];
const LABELS = ["configuration", "spec", "template", "metadata", "labels"];
const NAMESPACE = ["configuration", "metadata", "namespace"];

function serviceLink(): Link {
  const link = linkOf([SELECTOR, NAMESPACE], [LABELS, NAMESPACE], [["labelSelector"], ["equal"]]);
  if (!link) throw new Error("link");
  return link;
}

const service = (id: string, selector: Record<string, string>, namespace = "shop") =>
  component(id, "Service", { metadata: { namespace }, spec: { selector } });
const deployment = (id: string, labels: Record<string, string>, namespace = "shop") =>
  component(id, "Deployment", { metadata: { namespace }, spec: { template: { metadata: { labels } } } });

describe("label selectors", () => {
  it("pick workloads holding every pair of the selector, in the same namespace only", () => {
    const pairs = linkedPairs(
      serviceLink(),
      [service("svc", { app: "web", tier: "front" })],
      [
        deployment("all-labels", { app: "web", tier: "front", extra: "yes" }),
        deployment("one-label", { app: "web" }),
        deployment("elsewhere", { app: "web", tier: "front" }, "other"),
      ],
    );
    expect(pairs.map(([from, to]) => `${from.id}->${to.id}`)).toEqual(["svc->all-labels"]);
  });

  it("never relate a component to itself, even when it matches its own values", () => {
    const both = component("both", "Deployment", {
      metadata: { namespace: "shop" },
      spec: { selector: { app: "web" }, template: { metadata: { labels: { app: "web" } } } },
    });
    expect(linkedPairs(serviceLink(), [both], [both])).toEqual([]);
  });

  it("select nothing when empty, as a Service without a selector does", () => {
    expect(linkedPairs(serviceLink(), [service("svc", {})], [deployment("d", { app: "web" })])).toEqual([]);
  });

  it("tell strings from numbers when values must be equal", () => {
    const equal = matchStrategy("equal");
    expect(equal.holds(["1"], [1])).toBe(false);
    expect(equal.holds([8080], [8080])).toBe(true);
  });
});

describe("the index behind linkedPairs", () => {
  it("checks only candidates sharing a key, never every pair", () => {
    let checks = 0;
    const counting = (strategy: MatchStrategy): MatchStrategy => ({
      ...strategy,
      holds: (a, b) => {
        checks += 1;
        return strategy.holds(a, b);
      },
    });
    const base = serviceLink();
    const link: Link = { ...base, strategies: base.strategies.map(counting) };
    const size = 2_000;
    const services = Array.from({ length: size }, (_, i) => service(`svc-${i}`, { app: `app-${i}` }));
    const workloads = Array.from({ length: size }, (_, i) => deployment(`deploy-${i}`, { app: `app-${i}` }));
    const pairs = linkedPairs(link, services, workloads);
    expect(pairs).toHaveLength(size);
    // One verification per real match (each over both ref pairs), where a nested loop would need 4,000,000.
    expect(checks).toBe(size * 2);
  });
});

describe("paths", () => {
  const pod = { spec: { containers: [{ name: "a", env: [{ name: "X" }] }, { name: "b" }, null] } };

  it("read every element under a wildcard and skip what is missing", () => {
    expect(valuesAt(pod, ["spec", "containers", "_", "name"])).toEqual(["a", "b"]);
    expect(valuesAt(pod, ["spec", "containers", "_", "env", "_", "name"])).toEqual(["X"]);
    expect(valuesAt(pod, ["spec", "volumes", "_", "name"])).toEqual([]);
  });

  it("expand a wildcard into the index of each element that exists", () => {
    expect(concretePaths(pod, ["spec", "containers", "_"])).toEqual([
      ["spec", "containers", "0"],
      ["spec", "containers", "1"],
    ]);
  });
});

describe("matching by equality alone", () => {
  const NAME = ["configuration", "metadata", "name"];
  const REF = ["configuration", "spec", "configMapName"];
  const link = linkOf([NAME, NAMESPACE], [REF, NAMESPACE], undefined) as Link;
  const configMap = (id: string, name: string, namespace: string) =>
    component(id, "ConfigMap", { metadata: { name, namespace } });
  const pod = (id: string, configMapName: string, namespace: string) =>
    component(id, "Pod", { metadata: { namespace }, spec: { configMapName } });

  it("matches on shared keys, and keeps numbers, strings and namespaces apart", () => {
    const pairs = linkedPairs(
      link,
      [configMap("cm", "app", "shop"), configMap("cm-1", "1", "shop")],
      [pod("p", "app", "shop"), pod("elsewhere", "app", "other"), pod("numeric", 1 as never, "shop")],
    );
    expect(pairs.map(([a, b]) => `${a.id}>${b.id}`)).toEqual(["cm>p"]);
  });

  it("does not let a separator inside a value join two different pairs of values", () => {
    // Both combine to the same key; only the values themselves tell them apart.
    const pairs = linkedPairs(link, [configMap("cm", "x\u0000s:y", "z")], [pod("p", "x", "y\u0000s:z")]);
    expect(pairs).toEqual([]);
  });
});
