import type { Instrumentation } from "next";
import { logUnexpectedError, newErrorId } from "@/lib/error-report";

/**
 * Errors Next itself catches (a page, layout or server action that threw past
 * our frames): one structured log line whose number is Next's `digest`, the
 * number the error page shows the user (components/ui/unexpected-error.tsx).
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const digest = error && typeof error === "object" && "digest" in error ? String((error as { digest: unknown }).digest) : null;
  logUnexpectedError(digest ?? newErrorId(), context.routeType, error, { path: request.path, method: request.method, route: context.routePath });
};
