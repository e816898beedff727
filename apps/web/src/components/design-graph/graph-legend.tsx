// The key to the graph's colours: kind tiers for the cards, line styles for the relationship families.
import { linkLook } from "./flow-elements";
import { type KindTier, tierColour, tierOrder } from "./kind-style";

const tierNames: Record<KindTier, string> = {
  entry: "Ingress",
  service: "Service",
  workload: "Workload",
  container: "Container",
  config: "Config & storage",
  policy: "RBAC & policy",
  other: "Other",
};

const families = [
  ["network", "network"],
  ["reference", "reference"],
  ["binding", "binding"],
  ["sibling", "match labels"],
  ["hierarchical", "parent / alias"],
] as const;

export function GraphLegend() {
  return (
    <p className="design-legend">
      {tierOrder.map((tier) => (
        <span key={tier}>
          <span className="design-swatch" style={{ background: tierColour[tier] }} />
          {tierNames[tier]}
        </span>
      ))}
      {families.map(([family, name]) => {
        const look = linkLook[family];
        return (
          <span key={family}>
            <svg width="28" height="8" aria-hidden="true">
              <line
                x1="1"
                y1="4"
                x2="27"
                y2="4"
                stroke={look.colour}
                strokeWidth={look.width}
                strokeDasharray={look.dash}
              />
            </svg>
            {name}
          </span>
        );
      })}
    </p>
  );
}
