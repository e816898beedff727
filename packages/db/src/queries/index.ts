// Query functions `(db, params) => rows`: the only way handlers, workflows and tests touch tables.
export * from "./events";
export * from "./health";
export * from "./workflow-runs";
