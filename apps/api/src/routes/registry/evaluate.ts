// POST /api/registry/relationships/evaluate: Meshery's evaluation contract, { design, actions, trace }, plus configuration issues.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { validateConfiguration } from "@meshplane/design";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { evaluated, MAX_LISTED_ISSUES, parsedDesign } from "../designs/pipeline";

const Validation = z
  .object({
    valid: z.boolean(),
    total: z.number().int().openapi({ description: "All issues; `issues` lists the first 50" }),
    checked: z.number().int().openapi({ description: "Components checked against a built-in kind's schema" }),
    issues: z.array(
      z.object({
        code: z.enum(["unknown-kind", "schema"]),
        componentIndex: z.number().int(),
        componentId: z.string(),
        apiVersion: z.string(),
        kind: z.string(),
        name: z.string(),
        pointer: z.string(),
        path: z.string(),
        message: z.string(),
        suggestion: z.string().optional(),
      }),
    ),
    unchecked: z
      .array(
        z.object({
          componentIndex: z.number().int(),
          componentId: z.string(),
          apiVersion: z.string(),
          kind: z.string(),
        }),
      )
      .openapi({ description: "Custom resources and other models' components, which no schema here covers" }),
  })
  .openapi("DesignValidation");

const route = createRoute({
  method: "post",
  path: "/api/registry/relationships/evaluate",
  tags: ["registry"],
  summary: "Evaluate a design's relationships",
  request: {
    body: {
      content: {
        "application/json": {
          schema: z
            .object({
              design: z.record(z.string(), z.unknown()),
              options: z.record(z.string(), z.unknown()).optional(),
            })
            .openapi("EvaluationRequest"),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: "The evaluated design, the actions taken and the trace of why",
      content: {
        "application/json": {
          schema: z
            .object({
              design: z.record(z.string(), z.unknown()),
              actions: z.array(z.unknown()),
              trace: z.record(z.string(), z.unknown()),
              hash: z.string(),
              validation: Validation,
            })
            .openapi("EvaluationResponse"),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

export const registerEvaluateRelationships = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, (c) => {
    // Pure computation over the body: no tenant data is read, so no sign-in is needed.
    const design = parsedDesign(c.req.valid("json").design);
    // Saving refuses a design with configuration issues; evaluating reports them, so an editor can show them.
    const { issues, ...report } = validateConfiguration(design);
    const validation = { ...report, issues: issues.slice(0, MAX_LISTED_ISSUES) };
    const result = evaluated(design);
    return c.json(
      { design: result.design, actions: result.actions, trace: result.trace, hash: result.hash, validation },
      200,
    );
  });
