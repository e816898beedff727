// A cluster's or a job's state as a coloured dot and a word.
export function ClusterState({ state, label }: { state: string; label?: string }) {
  return (
    <span className={`cluster-state cluster-state-${state.replaceAll(" ", "-")}`} data-testid="cluster-state">
      <span className="dot" aria-hidden="true" />
      {label ?? state}
    </span>
  );
}
