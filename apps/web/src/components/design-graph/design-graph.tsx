"use client";
// The design drawn as a graph: laid out once from the design, then free to pan, zoom and drag in the browser.
import "@xyflow/react/dist/style.css";
import { Background, Controls, ReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import type { DesignComponent, DesignLink } from "../../lib/designs-content";
import { flowElements } from "./flow-elements";
import { ComponentCard, NamespaceBox } from "./graph-nodes";
import { layoutDesign } from "./layout";

// Outside the component: React Flow warns when nodeTypes is a new object on each render.
const nodeTypes = { component: ComponentCard, namespace: NamespaceBox };

export function DesignGraph({ components, links }: { components: DesignComponent[]; links: DesignLink[] }) {
  const { nodes, edges } = useMemo(
    () => flowElements(components, links, layoutDesign(components, links)),
    [components, links],
  );
  if (components.length === 0)
    return (
      <div className="design-graph design-graph-empty">
        <p className="muted">This design has no components to draw.</p>
      </div>
    );
  return (
    <div className="design-graph" data-testid="design-graph">
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.06 }}
        minZoom={0.1}
        maxZoom={2}
        nodesConnectable={false}
        edgesFocusable={false}
        colorMode="system"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
