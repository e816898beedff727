// Source lines of YAML nodes by path, so problems found in plain values can point back into the file.
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import type { YamlPath } from "./problems";

/** The line of the key (or list item) a path ends at; the nearest ancestor's when the path leaves the AST. */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: YamlPath): number | undefined {
  const lineAt = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  let node: unknown = doc.contents;
  let line = lineAt(doc.contents);
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      line = lineAt(pair.key as Node) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      line = lineAt(node as Node) ?? line;
    } else break;
  }
  return line;
}
