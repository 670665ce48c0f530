/**
 * Unexpected errors (the 500s that still happen): a short id the user can quote,
 * one structured log line with the same id, and the German sentence that shows it.
 * No server-only imports: the error pages (client components) use the message too.
 */

/** A short error number for the user, e.g. "3F9A1C7B" (the first 8 hex digits of a random UUID). */
export function newErrorId(): string {
  return crypto.randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase();
}

/** What the user reads when something failed that nobody expected. */
export function unexpectedErrorMessage(errorId: string): string {
  return `Es ist ein unerwarteter Fehler aufgetreten (Fehlernummer ${errorId}). Bitte versuchen Sie es erneut oder wenden Sie sich mit dieser Nummer an den Support.`;
}

/**
 * Log an unexpected error as one JSON line on stderr (the stack's line breaks are
 * escaped), so that the number the user quotes finds exactly this entry.
 */
export function logUnexpectedError(errorId: string, where: string, error: unknown, context: Record<string, unknown> = {}): void {
  const e = error instanceof Error ? error : null;
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      errorId,
      where,
      ...context,
      name: e?.name ?? typeof error,
      message: e ? e.message : String(error),
      ...(e?.stack ? { stack: e.stack } : {}),
      ...(e && "digest" in e ? { digest: String((e as { digest: unknown }).digest) } : {}),
    }),
  );
}

/** Log and describe an unexpected error in one step; returns the id and the message for the user. */
export function reportUnexpectedError(where: string, error: unknown, context?: Record<string, unknown>): { errorId: string; message: string } {
  const errorId = newErrorId();
  logUnexpectedError(errorId, where, error, context);
  return { errorId, message: unexpectedErrorMessage(errorId) };
}
