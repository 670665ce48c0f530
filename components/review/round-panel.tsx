import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import type { PageRound } from "@/lib/review/round-page";
import { CompleteRoundForm, RoundAnswerForm } from "./round-controls";

/**
 * The open review round at the top of the concept page: title, due date,
 * progress, a reminder when it is due soon, the CSV for admins and, for a
 * reviewer, "Prüfung abschließen". Rendered on the server; only the forms are client code.
 */
export async function RoundSummary({ round }: { round: PageRound | null }) {
  if (!round) return null;
  const t = await getTranslations("rounds");
  const total = round.targets.length;
  const mine = round.mine;
  const open = round.state === "open" && mine && !mine.completed ? total - mine.answered : 0;
  return (
    <section id="pruefrunde" className="card round-summary" aria-labelledby="round-summary-heading" data-testid="round-summary" data-round-id={round.id}>
      <h2 id="round-summary-heading">{t.rich("summaryHeading", { title: round.title, bdi: (chunks) => <bdi>{chunks}</bdi> })}</h2>
      <p className="meta">
        {t("summaryMeta", { version: round.versionNumber, due: formatDate(round.dueDate) })}
        {round.state === "closed" ? ` · ${t("closed")}` : null}
        {round.overdue ? <strong className="overdue"> · {t("overdue")}</strong> : null}
      </p>
      {open > 0 && round.dueSoon ? (
        <p className="notice notice-warning" role="note" data-testid="round-reminder">
          {t(round.overdue ? "reminderOverdue" : "reminder", { due: formatDate(round.dueDate), open })}
        </p>
      ) : null}
      {mine ? (
        // A status: saving an answer or finishing the review changes this line, and a screen reader hears it.
        <p data-testid="round-progress" role="status">
          {mine.completed
            ? t("completedOn", { date: formatDate(mine.completed.at), verdict: t(mine.completed.verdict === "approve" ? "approve" : "requestChanges") })
            : t("myProgress", { answered: mine.answered, total })}
        </p>
      ) : null}
      {mine?.canAnswer ? <p className="meta">{t("howTo")}</p> : null}
      <ul className="round-progress">
        {round.reviewers.map((r, i) => (
          <li key={i}>{r.completed ? t("reviewerDone", { name: r.name }) : t("reviewerProgress", { name: r.name, answered: r.answered, total })}</li>
        ))}
      </ul>
      <p className="actions-row">
        <IntentLink href={`/concepts/${round.conceptId}/pruefung#rounds-heading`}>{t("overview")}</IntentLink>
        {round.canManage ? (
          <a href={`/api/concepts/${round.conceptId}/rounds/${round.id}/results.csv`} download data-testid="round-csv">
            {t("csv")}
          </a>
        ) : null}
      </p>
      {mine?.canAnswer ? <CompleteRoundForm conceptId={round.conceptId} roundId={round.id} /> : null}
    </section>
  );
}

/** Under a chapter or field-of-action heading: the reviewer's answer of the open round (nothing for anyone else, or for a key the round does not ask about). */
export async function RoundAnswer({ round, target, title }: { round: PageRound | null; target: string; title: string }) {
  if (!round?.mine || !round.targets.includes(target)) return null;
  const current = round.mine.answers[target] ?? null;
  if (round.mine.canAnswer) return <RoundAnswerForm conceptId={round.conceptId} roundId={round.id} target={target} title={title} current={current} />;
  if (!current) return null;
  const t = await getTranslations("rounds");
  return (
    <p className="meta round-answered" data-testid="round-answered">
      {t("yourAnswer", { verdict: t(current.verdict === "approve" ? "approve" : "requestChanges") })}
      {current.note ? ` – ${current.note}` : null}
    </p>
  );
}
