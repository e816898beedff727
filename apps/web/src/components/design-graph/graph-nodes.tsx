// The two node shapes of the design graph: a component card and a Namespace box around its members.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { Fragment } from "react";
import type { ComponentNode, NamespaceNode } from "./flow-elements";

const sides = [
  ["top", Position.Top],
  ["bottom", Position.Bottom],
  ["left", Position.Left],
  ["right", Position.Right],
] as const;

/** Hidden handles on every side, so the layout can pick the side each edge uses; nothing is connectable. */
function SideHandles() {
  return (
    <>
      {sides.map(([side, position]) => (
        <Fragment key={side}>
          <Handle id={`${side}-source`} type="source" position={position} isConnectable={false} />
          <Handle id={`${side}-target`} type="target" position={position} isConnectable={false} />
        </Fragment>
      ))}
    </>
  );
}

export function ComponentCard({ data }: NodeProps<ComponentNode>) {
  if (data.chip)
    return (
      <div className="design-chip" title={`${data.kind} ${data.name}`} data-kind={data.kind}>
        <SideHandles />
        <span className="design-chip-badge">{data.badge}</span>
        <span className="design-node-name">{data.name}</span>
      </div>
    );
  return (
    <div
      className="design-node"
      style={{ ["--kind-colour" as string]: data.colour }}
      title={`${data.kind} ${data.name}`}
      data-kind={data.kind}
    >
      <SideHandles />
      <span className="design-node-badge" aria-hidden="true">
        {data.badge}
      </span>
      <span className="design-node-text">
        <span className="design-node-name">{data.name}</span>
        <span className="design-node-kind">{data.kind}</span>
      </span>
    </div>
  );
}

export function NamespaceBox({ data }: NodeProps<NamespaceNode>) {
  return (
    <div className="design-namespace" data-kind="Namespace">
      <SideHandles />
      <span className="design-namespace-label">
        <span className="design-node-badge" aria-hidden="true">
          ns
        </span>
        <span className="design-namespace-name">{data.name}</span>
        <span className="design-namespace-count" title={`${data.memberCount} components`}>
          {data.memberCount}
        </span>
      </span>
    </div>
  );
}
