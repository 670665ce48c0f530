/**
 * Why the server closed a part's connection, as the browser must act on it.
 * A refusal for the content of a change (the reviewer's guarantee, the
 * validation of the text, an unreadable or unknown-base update) comes back
 * the same on every attempt: the editor shows the reason once and offers to
 * discard the local copy, instead of reconnecting into the same refusal. Any
 * other reason (a failed store, a restart, changed rights) is worth a retry.
 * Shared by the server, which starts every content refusal with
 * REFUSED_UPDATE, and the editor, so the two cannot drift apart.
 */
export const REFUSED_UPDATE = "Die Änderung wurde nicht gespeichert: ";

/**
 * A refusal of what the browser said about its person (lib/realtime/awareness-guard.ts): the page it has is out of
 * date (or was tampered with), so reconnecting would be refused again; the page asks for a reload.
 */
export const PRESENCE_REFUSED = "Die Anwesenheitsangabe wurde nicht angenommen: ";

export type CloseKind = "refused" | "reload" | "retry";

export function closeKind(reason: string): CloseKind {
  if (reason.startsWith(REFUSED_UPDATE)) return "refused";
  return reason.startsWith(PRESENCE_REFUSED) ? "reload" : "retry";
}
