import "server-only";
import { getDb } from "@/db";
import { unreadNotificationsSince } from "@/db/queries/comments";
import { claimDigest, digestCandidates, getMailDigest, setMailDigest } from "@/db/queries/users";
import type { Actor } from "@/lib/authz/require-role";
import { berlinDate, berlinHour } from "@/lib/format";
import { absoluteUrl } from "@/lib/http/origin";
import { resolveLocale } from "@/lib/i18n/config";
import { errorFields, log } from "@/lib/log";
import { mailConfigured } from "@/lib/mail/config";
import { kickMailQueue, queueMail } from "@/lib/mail/queue";
import { digestMail } from "@/lib/mail/templates";

/** The summary goes out from this hour (German time) on, once a day. */
export const DIGEST_HOUR = 7;
const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

/** The person's own choice (no municipality: it holds for all of theirs). */
export async function readMailDigest(actor: Actor) {
  return { on: await getMailDigest({ userId: actor.id }), available: mailConfigured() };
}

export async function changeMailDigest(actor: Actor, { on }: { on: boolean }) {
  await setMailDigest({ userId: actor.id, on });
}

/**
 * Everyone who chose the daily summary gets, from DIGEST_HOUR on, one mail with their
 * unread notifications of the last 24 hours (none: no mail). Each person's day is claimed
 * in the same transaction that queues the mail, so several processes send it once.
 */
export async function sendDigests(now: Date = new Date()): Promise<{ sent: number }> {
  if (!mailConfigured() || berlinHour(now) < DIGEST_HOUR) return { sent: 0 };
  const day = berlinDate(now);
  const db = await getDb();
  let sent = 0;
  for (const person of await digestCandidates({ day })) {
    const queued = await db.transaction(async (tx) => {
      if (!(await claimDigest({ userId: person.id, day }, tx))) return false;
      const items = await unreadNotificationsSince({ userId: person.id, since: new Date(now.getTime() - DAY_MS) }, tx);
      if (!items.length) return false;
      await queueMail(tx, { municipalityId: null, kind: "digest", to: person.email, content: digestMail(resolveLocale(person.locale), { items, url: absoluteUrl("/aufgaben") }) });
      return true;
    });
    if (queued) sent++;
  }
  if (sent) kickMailQueue();
  return { sent };
}

/** Look for summaries to send now and every hour (scripts/start.ts). */
export function startDigests(): () => void {
  const run = () =>
    void sendDigests()
      .then(({ sent }) => sent && log.info({ event: "mail.digests_queued", sent }, "Tägliche Zusammenfassungen eingereiht"))
      .catch((error: unknown) => log.error({ event: "mail.digests_failed", error: errorFields(error) }, "Tägliche Zusammenfassungen fehlgeschlagen"));
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
