import "server-only";
import type { Executor } from "@/db";
import { listMailRecipients } from "@/db/queries/users";
import { absoluteUrl } from "@/lib/http/origin";
import { resolveLocale } from "@/lib/i18n/config";
import { roundPath, threadPath } from "@/lib/review/links";
import { mailConfigured } from "./config";
import { queueMail } from "./queue";
import { mentionMail, roundMail, roundReminderMail, type MailContent } from "./templates";

type Concept = { id: string; municipalityId: string; title: string };

/**
 * Queue one mail per recipient in `tx`, so it is committed with the notification
 * or not at all (the queue sends after the commit). Without a mail server nothing is queued:
 * the notification in the app is all there is.
 */
async function queueFor(tx: Executor, kind: string, concept: Concept, userIds: string[], content: (lang: "de" | "en") => MailContent, { digestible = false } = {}) {
  if (!mailConfigured() || !userIds.length) return 0;
  // Who chose the daily summary gets a mention there, not at once (rounds and reminders are due on a date: always at once).
  const recipients = (await listMailRecipients({ userIds: [...new Set(userIds)] }, tx)).filter((r) => !(digestible && r.mailDigest));
  for (const r of recipients) await queueMail(tx, { municipalityId: concept.municipalityId, kind, to: r.email, content: content(resolveLocale(r.locale)) });
  return recipients.length;
}

/** The people @-mentioned in a new comment (not the author). */
export function queueMentionMails(tx: Executor, { concept, threadId, actorName, userIds }: { concept: Concept; threadId: string; actorName: string; userIds: string[] }) {
  const url = absoluteUrl(threadPath(concept.id, threadId));
  return queueFor(tx, "mention", concept, userIds, (lang) => mentionMail(lang, { actorName, conceptTitle: concept.title, url }), { digestible: true });
}

/** The reviewers of a new round (not the person who started it). */
export function queueRoundMails(
  tx: Executor,
  { concept, round, actorName, userIds }: { concept: Concept; round: { title: string; dueDate: string }; actorName: string; userIds: string[] },
) {
  const url = absoluteUrl(roundPath(concept.id));
  return queueFor(tx, "round", concept, userIds, (lang) => roundMail(lang, { actorName, conceptTitle: concept.title, roundTitle: round.title, dueDate: round.dueDate, url }));
}

/** One reviewer who has not answered every chapter of a round due soon. */
export function queueReminderMail(tx: Executor, { concept, round, userId, open }: { concept: Concept; round: { title: string; dueDate: string }; userId: string; open: number }) {
  const url = absoluteUrl(roundPath(concept.id));
  return queueFor(tx, "round_reminder", concept, [userId], (lang) => roundReminderMail(lang, { conceptTitle: concept.title, roundTitle: round.title, dueDate: round.dueDate, open, url }));
}
