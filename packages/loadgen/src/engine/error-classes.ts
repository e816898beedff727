// Owns how a failed request is classified: the closed set of error classes a result counts.

export const ERROR_CLASSES = ["connect", "timeout", "reset", "protocol", "other"] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

// Codes that mean the peer tore the connection down under us, as opposed to never letting us in.
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_STREAM_PREMATURE_CLOSE"]);

/** Classifies a socket error by when it happened: anything before the connection was usable is a connect error. */
export function classifySocketError(error: Error & { code?: string }, connected: boolean): ErrorClass {
  if (!connected) return "connect";
  if (error.code !== undefined && RESET_CODES.has(error.code)) return "reset";
  if (error.code?.startsWith("ERR_SSL") || error.code?.startsWith("HPE_")) return "protocol";
  return "other";
}

/** A short, stable description of an error for a result: its code and message, no stack. */
export function describeError(error: Error & { code?: string }): string {
  if (error.code && !error.message.includes(error.code)) return `${error.code}: ${error.message}`;
  return error.message;
}
