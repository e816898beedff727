// The generated OpenAPI 3.1 document and the interactive reference page that renders it.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "../../context";

export function registerReference(app: OpenAPIHono<AppEnv>, version: string) {
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Meshplane",
      version,
      description: "Management plane for cloud native infrastructure, in the Meshery model.",
    },
    tags: [
      { name: "system", description: "Health and version of the instance" },
      { name: "events", description: "The audit log" },
    ],
  });
  app.get("/api/docs", Scalar({ url: "/api/openapi.json", pageTitle: "Meshplane API reference" }));
}
