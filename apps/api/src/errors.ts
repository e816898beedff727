// The API's one error class, its closed code table, the JSON envelope and the handlers that answer with it.
import { type Hook, z } from "@hono/zod-openapi";
import { DomainError, type DomainErrorCode } from "@meshplane/db/queries";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./context";

export const ErrorCode = z.enum([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE_ENTITY",
  "RATE_LIMITED",
  "INTERNAL_SERVER_ERROR",
  "BAD_ENVIRONMENT",
  "SERVICE_UNAVAILABLE",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

const statusOfCode = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_ENTITY: 422,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  BAD_ENVIRONMENT: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

export function codeToStatus(code: ErrorCode): ContentfulStatusCode {
  return statusOfCode[code];
}

export function statusToCode(status: number): ErrorCode {
  const found = ErrorCode.options.find((code) => statusOfCode[code] === status);
  if (found) return found;
  return status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
}

export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  constructor({ code, message }: { code: ErrorCode; message: string }) {
    super(codeToStatus(code), { message });
    this.code = code;
    this.name = "ApiError";
  }
}

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string().openapi({ example: "limit: Too big: expected number to be <=200" }),
      requestId: z.string().openapi({ example: "req_4c1f8e0a9b2d4e6f" }),
    }),
  })
  .openapi("ErrorEnvelope");

export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

const envelopeResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorEnvelope } },
});

/** Spread into every route's `responses`, so the reference documents the one error shape. */
export const openApiErrorResponses = {
  400: envelopeResponse("The request is malformed or fails validation"),
  401: envelopeResponse("No valid credentials were given"),
  403: envelopeResponse("The credentials do not allow this"),
  404: envelopeResponse("No such resource, or not one the caller may see"),
  409: envelopeResponse("The request conflicts with the resource's current state"),
  413: envelopeResponse("The request body is too large"),
  415: envelopeResponse("The request body's content type is not accepted"),
  429: envelopeResponse("Too many requests"),
  500: envelopeResponse("An unexpected failure; details are in the server log"),
  503: envelopeResponse("A dependency (the database) is unavailable"),
} as const;

const codeOfDomainError: Record<DomainErrorCode, ErrorCode> = {
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid_transition: "CONFLICT",
  invalid_argument: "UNPROCESSABLE_ENTITY",
};

export function errorResponse(c: Context<AppEnv>, code: ErrorCode, message: string): Response {
  const body: ErrorEnvelope = { error: { code, message, requestId: c.get("requestId") ?? "unknown" } };
  return c.json(body, codeToStatus(code));
}

export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) return errorResponse(c, error.code, error.message);
  if (error instanceof DomainError) return errorResponse(c, codeOfDomainError[error.code], error.message);
  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(c, statusToCode(error.status), error.message || "Request refused");
  }
  // Stack and message stay in the server log; the caller gets the request id to quote.
  console.error(`request ${c.get("requestId") ?? "unknown"} ${c.req.method} ${c.req.path} failed:`, error);
  return errorResponse(c, "INTERNAL_SERVER_ERROR", "Internal server error");
}

/** The zod-openapi default hook: a failed validation becomes the 400 envelope, naming the fields. */
export const handleZodError: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  throw new ApiError({ code: "BAD_REQUEST", message: z.prettifyError(result.error).replaceAll("\n", "; ") });
};
