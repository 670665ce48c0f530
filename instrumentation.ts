import type { Instrumentation } from "next";
import { newErrorId } from "@/lib/error-report";

/**
 * Errors Next itself catches (a page, layout or server action that threw past
 * our frames): one log line (lib/error-log.ts: without the error's message and
 * the query string) whose number is Next's `digest`, the number the error page
 * shows the user (components/ui/unexpected-error.tsx). The logger is Node-only,
 * hence the import inside (Next's documented pattern for runtime-specific code).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const digest = error && typeof error === "object" && "digest" in error ? String((error as { digest: unknown }).digest) : null;
  const errorId = digest ?? newErrorId();
  const fields = { path: request.path.split("?")[0], method: request.method, route: context.routePath };
  if (process.env.NEXT_RUNTIME !== "edge") {
    const { logUnexpectedError } = await import("@/lib/error-log");
    logUnexpectedError(errorId, context.routeType, error, fields);
  } else {
    console.error(JSON.stringify({ level: "error", event: "error.unexpected", errorId, where: context.routeType, ...fields }));
  }
};
