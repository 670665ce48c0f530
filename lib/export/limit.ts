import "server-only";
import { consumeOrThrow, type LimitSpec } from "@/lib/auth/rate-limit";
import type { Actor } from "@/lib/authz/require-role";

/**
 * Exports per person and ten minutes, counted for the whole installation (in
 * PostgreSQL or Redis, like the sign-in limits), so several app processes do not
 * multiply it; each process's PDF queue only bounds its own waiting exports.
 * Far above what a person clicking does; it stops a script that loops.
 */
export const EXPORT_LIMIT: LimitSpec = { keyPrefix: "export-user", points: 60, duration: 10 * 60 };

/** Count one export (PDF, DOCX, ODT, Synopse) of the person, or refuse with 429 and Retry-After. */
export function takeExportPoint(actor: Actor) {
  return consumeOrThrow(EXPORT_LIMIT, actor.id, (wait) => `Sie haben in kurzer Zeit sehr viele Exporte gestartet. Bitte warten Sie ${wait} und versuchen Sie es dann erneut.`);
}
