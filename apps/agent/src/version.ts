// Owns the agent version string, injected at bundle time from package.json.

// Defined by build.mjs; absent when the source runs unbundled (vitest), hence the typeof guard.
declare const __AGENT_VERSION__: string | undefined;

export const AGENT_VERSION: string = typeof __AGENT_VERSION__ === "string" ? __AGENT_VERSION__ : "0.0.0-dev";
