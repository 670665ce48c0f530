import "server-only";
import { listAnswers, listRoundReviewers, listRoundRows } from "@/db/queries/rounds";
import type { Actor } from "@/lib/authz/require-role";
import { can } from "@/lib/authz/permissions";
import { requireConcept } from "@/lib/concepts/access";
import { berlinDate } from "@/lib/format";
import { REMINDER_DAYS } from "./reminders";
import { roundTargets, type Verdict } from "./rounds";

export type PageAnswer = { verdict: Verdict; note: string };

/** What the concept page shows of an open review round: a summary at the top and, for a reviewer, the answer under each heading. */
export type PageRound = {
  conceptId: string;
  id: string;
  title: string;
  versionNumber: number;
  dueDate: string;
  /** a closed round is shown for a few days to its reviewers, so that finishing it is seen (and heard: the progress line is a status) */
  state: "open" | "closed";
  overdue: boolean;
  /** due within the reminder window (or overdue) */
  dueSoon: boolean;
  /** the keys of the chapters and fields of action asked about */
  targets: string[];
  reviewers: { name: string; answered: number; completed: boolean }[];
  canManage: boolean;
  /** the signed-in person, when they are a reviewer of this round */
  mine: {
    answers: Record<string, PageAnswer>;
    answered: number;
    completed: { verdict: Verdict; note: string; at: Date } | null;
    /** may still answer (not finished, role allows) */
    canAnswer: boolean;
  } | null;
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** How long a closed round stays at the top of the concept page for its reviewers. */
const SHOW_CLOSED_DAYS = 3;

/**
 * The round the concept page shows: one the signed-in person still has to
 * answer (the earliest due), otherwise one they reviewed (open, or closed in
 * the last few days), otherwise the newest open one; null without any (then
 * only one query ran, the page stays light).
 */
export async function roundForPage(actor: Actor, conceptId: string, tree?: { fields: { key: string; title: string }[] }, now: Date = new Date()): Promise<PageRound | null> {
  const { concept, role } = await requireConcept(actor, conceptId, "concept.read");
  const rows = await listRoundRows({ conceptId: concept.id });
  const since = now.getTime() - SHOW_CLOSED_DAYS * 86_400_000;
  const open = rows.filter((r) => r.state === "open");
  const shown = [...open, ...rows.filter((r) => r.state !== "open" && r.closedAt && r.closedAt.getTime() >= since)];
  if (!shown.length) return null;
  const [reviewers, answers, targets] = await Promise.all([
    listRoundReviewers({ roundIds: shown.map((r) => r.id) }),
    listAnswers({ roundIds: shown.map((r) => r.id) }),
    roundTargets(concept, tree),
  ]);
  const isMine = (id: string) => reviewers.some((x) => x.roundId === id && x.userId === actor.id);
  const waiting = open
    .filter((r) => reviewers.some((x) => x.roundId === r.id && x.userId === actor.id && !x.completedAt))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  // Then a round they reviewed (finished, or closed lately), so that finishing it stays in view; then anyone's open round.
  const reviewed = shown.filter((r) => isMine(r.id)).sort((a, b) => (b.closedAt ?? b.createdAt).getTime() - (a.closedAt ?? a.createdAt).getTime());
  const round = waiting[0] ?? reviewed[0] ?? open[0];
  if (!round) return null;
  const keys = [...new Set(targets.map((t) => t.key))];
  const own = answers.filter((a) => a.roundId === round.id && keys.includes(a.target));
  const people = reviewers.filter((r) => r.roundId === round.id);
  const me = people.find((r) => r.userId === actor.id);
  const today = berlinDate(now);
  const mine: PageRound["mine"] = me
    ? {
        answers: Object.fromEntries(own.filter((a) => a.reviewerId === me.userId).map((a) => [a.target, { verdict: a.verdict as Verdict, note: a.note }])),
        answered: own.filter((a) => a.reviewerId === me.userId).length,
        completed: me.completedAt ? { verdict: me.verdict as Verdict, note: me.note, at: me.completedAt } : null,
        canAnswer: round.state === "open" && !me.completedAt && can(role, "review.answer"),
      }
    : null;
  return {
    conceptId: concept.id,
    id: round.id,
    title: round.title,
    versionNumber: round.versionNumber,
    dueDate: round.dueDate,
    state: round.state === "open" ? "open" : "closed",
    overdue: round.state === "open" && round.dueDate < today,
    dueSoon: round.dueDate <= addDays(today, REMINDER_DAYS),
    targets: keys,
    reviewers: people.map((r) => ({ name: r.name, answered: own.filter((a) => a.reviewerId === r.userId).length, completed: !!r.completedAt })),
    canManage: can(role, "review.manage"),
    mine,
  };
}
