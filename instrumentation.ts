import type { Instrumentation } from "next";
import { newErrorId } from "@/lib/error-report";

/**
 * Errors Next itself catches (a page, layout or server action that threw past
 * our frames): one log line (lib/error-log.ts: without the error's message; the
 * path as the request log has it) whose number is Next's `digest`, the number
 * the error page shows the user (components/ui/unexpected-error.tsx). The logger
 * is Node-only, hence the import inside (Next's pattern for runtime-specific code).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const digest = error && typeof error === "object" && "digest" in error ? String((error as { digest: unknown }).digest) : null;
  const errorId = digest ?? newErrorId();
  const fields = { method: request.method, route: context.routePath };
  if (process.env.NEXT_RUNTIME !== "edge") {
    const [{ logUnexpectedError }, { pathOf }] = await Promise.all([import("@/lib/error-log"), import("@/lib/http/request-log")]);
    logUnexpectedError(errorId, context.routeType, error, { path: pathOf(request.path), ...fields });
  } else {
    console.error(JSON.stringify({ level: "error", event: "error.unexpected", errorId, where: context.routeType, ...fields }));
  }
};
