// Query functions `(db, params) => rows`: the only way handlers, workflows and tests touch tables.
export * from "./api-tokens";
export * from "./connections";
export * from "./credentials";
export * from "./design-revisions";
export * from "./designs";
export * from "./environments";
export * from "./events";
export * from "./health";
export * from "./memberships";
export * from "./organizations";
export * from "./transactions";
export * from "./users";
export * from "./workflow-runs";
export * from "./workspaces";
