import { errorFields, log } from "@/lib/log";
import { newErrorId, unexpectedErrorMessage } from "@/lib/error-report";

/**
 * Unexpected errors on the server: one log line (event "error.unexpected") with
 * the number the user sees (`errorId`) and, inside a request, the request's id
 * (`requestId`, also in the response header X-Request-Id). The error's message
 * is not logged (lib/log.ts errorFields): it may quote a title or an address.
 */
export function logUnexpectedError(errorId: string, where: string, error: unknown, context: Record<string, unknown> = {}): void {
  log.error({ event: "error.unexpected", errorId, where, ...context, error: errorFields(error) }, "Unerwarteter Fehler");
}

/** Log and describe an unexpected error in one step; returns the id and the message for the user. */
export function reportUnexpectedError(where: string, error: unknown, context?: Record<string, unknown>): { errorId: string; message: string } {
  const errorId = newErrorId();
  logUnexpectedError(errorId, where, error, context);
  return { errorId, message: unexpectedErrorMessage(errorId) };
}
