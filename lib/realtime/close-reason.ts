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

export type CloseKind = "refused" | "retry";

export function closeKind(reason: string): CloseKind {
  return reason.startsWith(REFUSED_UPDATE) ? "refused" : "retry";
}
