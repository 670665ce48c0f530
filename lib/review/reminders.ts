import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { insertNotifications, remindedUsers } from "@/db/queries/comments";
import { listMembers } from "@/db/queries/members";
import { listAnswers, listRoundReviewers, openRoundsDueBetween } from "@/db/queries/rounds";
import { queueReminderMail } from "@/lib/mail/notification-mails";
import { kickMailQueue } from "@/lib/mail/queue";
import { errorFields, log } from "@/lib/log";
import { berlinDate } from "@/lib/format";
import { roundTargets } from "./rounds";

/** A reviewer is reminded once, when the round is due within this many days. */
export const REMINDER_DAYS = 2;
const HOUR_MS = 60 * 60_000;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Remind every reviewer who has not answered every chapter and field of action
 * of an open round due in the next REMINDER_DAYS days (or today): a notification
 * in "Für mich" and, with a mail server, a mail. Once per round and person, also
 * with several app processes (the check and the insert run under a lock per round).
 */
export async function sendRoundReminders(now: Date = new Date()): Promise<{ reminded: number }> {
  const from = berlinDate(now);
  const due = await openRoundsDueBetween({ from, to: addDays(from, REMINDER_DAYS) });
  const db = await getDb();
  let reminded = 0;
  for (const { round, concept } of due) {
    const targets = (await roundTargets(concept)).map((t) => t.key);
    const members = new Map((await listMembers({ municipalityId: concept.municipalityId })).map((m) => [m.userId, m.role]));
    reminded += await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`konzeptwerk:round-reminder:${round.id}`}))`);
      const already = await remindedUsers({ roundId: round.id }, tx);
      const reviewers = await listRoundReviewers({ roundIds: [round.id] }, tx);
      const answers = await listAnswers({ roundIds: [round.id] }, tx);
      let n = 0;
      for (const r of reviewers) {
        // Someone who left the municipality or may now only read is not asked any more.
        const role = members.get(r.userId);
        // … nor is someone who finished their review (Prüfung abgeschlossen).
        if (already.has(r.userId) || !role || role === "viewer" || r.completedAt) continue;
        const answered = new Set(answers.filter((a) => a.reviewerId === r.userId).map((a) => a.target));
        const open = targets.filter((t) => !answered.has(t)).length;
        if (open === 0) continue;
        await insertNotifications([{ municipalityId: concept.municipalityId, userId: r.userId, kind: "reminder", conceptId: concept.id, roundId: round.id, actorId: null }], tx);
        await queueReminderMail(tx, { concept, round, userId: r.userId, open });
        n++;
      }
      return n;
    });
  }
  if (reminded) kickMailQueue();
  return { reminded };
}

/** Look for rounds to remind about now and every hour (scripts/start.ts). */
export function startRoundReminders(): () => void {
  const run = () =>
    void sendRoundReminders()
      .then(({ reminded }) => reminded && log.info({ event: "review.reminders_sent", reminded }, "Erinnerungen an Prüfrunden verschickt"))
      .catch((error: unknown) => log.error({ event: "review.reminders_failed", error: errorFields(error) }, "Erinnerungen an Prüfrunden fehlgeschlagen"));
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
