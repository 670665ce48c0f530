"use client";
import { useEffect, useState } from "react";
import { logBrowserError, newErrorId, unexpectedErrorMessage } from "@/lib/error-report";

/**
 * The body of the error pages: the German sentence with an error number and a
 * retry button. A server error comes with Next's `digest`, which the server
 * logged together with the error (instrumentation.ts): that is the number. An
 * error of the browser alone has none; it gets its own number, logged here.
 */
export function UnexpectedError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error && typeof error === "object" && "digest" in error ? String((error as { digest: unknown }).digest) : null;
  const [clientId] = useState(() => (digest ? null : newErrorId()));
  const errorId = digest ?? clientId ?? "";
  useEffect(() => {
    if (clientId) logBrowserError(clientId, error);
  }, [clientId, error]);
  return (
    <div data-testid="unexpected-error">
      <h1>Fehler</h1>
      <p className="notice notice-error" role="alert">
        {unexpectedErrorMessage(errorId)}
      </p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Erneut versuchen
        </button>
      </p>
    </div>
  );
}
