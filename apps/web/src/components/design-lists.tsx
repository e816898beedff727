// The design's components and relationships as tables, beside the graph, for reading and searching the page.
import type { DesignComponent, DesignLink, LinkFamily } from "../lib/designs-content";
import { linkLook } from "./design-graph/flow-elements";
import { tierColour, tierOf } from "./design-graph/kind-style";

// Traffic first, containment last: the inventory rows repeat what the Namespace boxes show.
const familyOrder: LinkFamily[] = ["network", "reference", "binding", "sibling", "other", "hierarchical"];

const byKindThenName = (a: DesignComponent, b: DesignComponent) =>
  a.kind.localeCompare(b.kind, "en") || a.name.localeCompare(b.name, "en");

export function ComponentTable({ components }: { components: DesignComponent[] }) {
  if (components.length === 0) return <p className="muted">No components.</p>;
  return (
    <table className="table design-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Kind</th>
          <th>Namespace</th>
        </tr>
      </thead>
      <tbody>
        {[...components].sort(byKindThenName).map((component) => (
          <tr key={component.id} data-testid="component-row">
            <td>{component.name}</td>
            <td>
              <span className="design-swatch" style={{ background: tierColour[tierOf(component.kind)] }} />
              {component.kind}
            </td>
            <td className="muted">{component.namespace ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RelationshipTable({
  components,
  links,
}: {
  components: DesignComponent[];
  links: DesignLink[];
}) {
  if (links.length === 0) return <p className="muted">No relationships.</p>;
  const byId = new Map(components.map((component) => [component.id, component]));
  const label = (id: string) => {
    const component = byId.get(id);
    return component ? `${component.kind} ${component.name}` : id;
  };
  const familyRank = (link: DesignLink) => familyOrder.indexOf(link.family);
  const rows = links
    .map((link) => ({ link, from: label(link.source), to: label(link.target) }))
    .sort(
      (a, b) =>
        familyRank(a.link) - familyRank(b.link) ||
        a.from.localeCompare(b.from, "en") ||
        a.to.localeCompare(b.to, "en"),
    );
  return (
    <table className="table design-table">
      <thead>
        <tr>
          <th>Relationship</th>
          <th>From</th>
          <th>To</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ link, from, to }) => (
          <tr key={link.id} data-testid="relationship-row">
            <td>
              <span className="design-swatch" style={{ background: linkLook[link.family].colour }} />
              {link.kind} · {link.type} · {link.subType}
              {link.via && <div className="muted">via {label(link.via)}</div>}
            </td>
            <td>{from}</td>
            <td>{to}</td>
            <td className="muted">{link.status ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
