// POST /api/registry/relationships/evaluate: Meshery's evaluation contract, { design, actions, trace }, for any design.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { evaluated, validDesign } from "../designs/pipeline";

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
    const result = evaluated(validDesign(c.req.valid("json").design));
    return c.json(
      { design: result.design, actions: result.actions, trace: result.trace, hash: result.hash },
      200,
    );
  });
