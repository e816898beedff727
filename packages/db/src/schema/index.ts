// Every table of Meshplane, re-exported for drizzle's relational queries and drizzle-kit.
export * from "./events";
export * from "./workflow-runs";
