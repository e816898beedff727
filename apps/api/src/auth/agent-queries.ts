// The agent query functions the API uses. Temporary bridge: these modules are not yet exported from
// "@meshplane/db/queries"; once its index re-exports them, this file becomes that one import.
export * from "../../../../packages/db/src/queries/agent-bootstrap-tokens";
export * from "../../../../packages/db/src/queries/agent-jobs";
export * from "../../../../packages/db/src/queries/agents";
