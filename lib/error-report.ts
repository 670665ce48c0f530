/**
 * Unexpected errors (the 500s that still happen): a short id the user can quote
 * and the German sentence that shows it; the server logs the id with the error
 * (lib/error-log.ts). No server-only imports: the error pages (client
 * components) use the message too.
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
 * In the browser (components/ui/unexpected-error.tsx): log an error that has no
 * server number to the browser's console with its own number. The server logs
 * through lib/error-log.ts (pino, without the message).
 */
export function logBrowserError(errorId: string, error: unknown): void {
  const e = error instanceof Error ? error : null;
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), errorId, where: "browser", name: e?.name ?? typeof error, message: e ? e.message : String(error) }));
}
