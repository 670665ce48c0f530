import "server-only";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { csvCell } from "@/lib/http/csv";
import { fileSlug } from "@/lib/http/download";
import { listRounds, type RoundTarget, type RoundView, type Verdict } from "./rounds";

/** One line of a round's results: a chapter / field of action (or the overall verdict) and one reviewer's answer. */
export type RoundResultRow = { target: string; reviewer: string; verdict: string; note: string; at: string };

const OVERALL = "Gesamtvotum";
const VERDICT_LABEL: Record<Verdict, string> = { approve: "Zustimmung", request_changes: "Änderungsbedarf" };

const berlin = (d: Date) =>
  new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" }).format(d).replace(", ", " ");

/**
 * The results of a round as rows, the same for the CSV and the PDF annex:
 * every chapter and field of action in template order, each reviewer's answer
 * ("keine Antwort" where there is none), then each reviewer's overall verdict.
 */
export function roundResultRows(view: Pick<RoundView, "reviewers" | "answers">, targets: Pick<RoundTarget, "key" | "title">[]): RoundResultRow[] {
  const rows: RoundResultRow[] = [];
  for (const target of targets) {
    for (const r of view.reviewers) {
      const a = view.answers.find((x) => x.reviewerId === r.userId && x.target === target.key);
      rows.push({ target: target.title, reviewer: r.name, verdict: a ? VERDICT_LABEL[a.verdict] : "keine Antwort", note: a?.note ?? "", at: a ? berlin(a.answeredAt) : "" });
    }
  }
  for (const r of view.reviewers) {
    rows.push({
      target: OVERALL,
      reviewer: r.name,
      verdict: r.verdict ? VERDICT_LABEL[r.verdict] : "Prüfung nicht abgeschlossen",
      note: r.note,
      at: r.completedAt ? berlin(r.completedAt) : "",
    });
  }
  return rows;
}

/** A round's results as CSV (admins; semicolon-separated, formula-looking cells defused, as the audit log's CSV). */
export async function exportRoundCsv(actor: Actor, input: { conceptId: string; roundId: string }): Promise<{ csv: string; fileName: { ascii: string; utf8: string } }> {
  await requireConcept(actor, input.conceptId, "review.manage");
  const { rounds, targets } = await listRounds(actor, input.conceptId);
  const view = rounds.find((r) => r.round.id === input.roundId);
  if (!view) throw new AppError("not_found", "Diese Prüfrunde gibt es nicht.");
  const head = ["Kapitel / Handlungsfeld", "Person", "Votum", "Anmerkung", "Zeitpunkt"];
  const lines = roundResultRows(view, targets).map((r) => [r.target, r.reviewer, r.verdict, r.note, r.at].map(csvCell).join(";"));
  const slug = fileSlug(view.round.title, 60, "Pruefrunde");
  return {
    csv: "\ufeff" + [head.join(";"), ...lines].join("\r\n") + "\r\n",
    fileName: { ascii: `Pruefrunde_${slug.ascii}.csv`, utf8: `Prüfrunde_${slug.utf8}.csv` },
  };
}
