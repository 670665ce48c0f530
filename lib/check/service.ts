import "server-only";
import { writeAudited } from "@/db/queries/audit";
import { deleteAcknowledgement, listAcknowledgements, saveAcknowledgement } from "@/db/queries/check";
import { getConceptTree } from "@/db/queries/concepts";
import type { Concept } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import type { FundingReport } from "@/lib/funding/compute";
import { fundingOfConcept } from "@/lib/funding/service";
import { berlinToday, checkContextFromTree } from "./context";
import { RULES } from "./rules";
import { runCheck } from "./run";
import type { Finding, Severity } from "./types";

export const MAX_REASON = 1000;

export type CheckedFinding = Finding & { acknowledged: { reason: string; by: string | null; at: string } | null };
export type CheckResult = {
  findings: CheckedFinding[];
  /** open findings (not marked "bewusst so") by severity */
  open: Record<Severity, number>;
  acknowledged: number;
  rules: { id: string; severity: Severity; description: string }[];
};

/** Internal: run the check on a concept its caller already loaded through requireConcept. */
export async function checkOfConcept(
  concept: Concept,
  loaded: { tree?: Awaited<ReturnType<typeof getConceptTree>>; funding?: FundingReport; now?: Date } = {},
): Promise<CheckResult> {
  const now = loaded.now ?? new Date();
  const tree = loaded.tree ?? (await getConceptTree({ conceptId: concept.id }));
  const [funding, acks] = await Promise.all([loaded.funding ?? fundingOfConcept(concept, tree), listAcknowledgements({ conceptId: concept.id })]);
  const findings = runCheck(checkContextFromTree({ concept, tree, funding, today: berlinToday(now) }));
  const byKey = new Map(acks.map((a) => [a.findingKey, a]));
  const checked = findings.map((f): CheckedFinding => {
    const a = byKey.get(f.key);
    return { ...f, acknowledged: a ? { reason: a.reason, by: a.createdByName, at: a.createdAt.toISOString() } : null };
  });
  const open = { error: 0, warning: 0, hint: 0 };
  for (const f of checked) if (!f.acknowledged) open[f.severity]++;
  return {
    findings: checked,
    open,
    acknowledged: checked.filter((f) => f.acknowledged).length,
    rules: RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description })),
  };
}

/** The Konzept-Check of a concept (everyone who may read it; reviewers see the reasons). */
export async function readCheck(actor: Actor, conceptId: string): Promise<CheckResult> {
  const { concept } = await requireConcept(actor, conceptId, "concept.read");
  return checkOfConcept(concept);
}

/**
 * Mark a current finding "bewusst so" with a reason (editors and admins). Only
 * a finding the check reports now can be marked; the reason is kept and shown
 * to reviewers.
 */
export async function acknowledgeFinding(actor: Actor, input: { conceptId: string; findingKey: string; reason: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editContent");
  const reason = input.reason.trim();
  if (reason.length < 3) throw new AppError("bad_request", "Bitte kurz begründen, warum es bewusst so ist (mindestens 3 Zeichen).");
  if (reason.length > MAX_REASON) throw new AppError("bad_request", `Die Begründung darf höchstens ${MAX_REASON} Zeichen lang sein.`);
  const { findings } = await checkOfConcept(concept);
  const finding = findings.find((f) => f.key === input.findingKey);
  if (!finding) throw new AppError("not_found", "Diesen Hinweis gibt es nicht (mehr). Bitte laden Sie die Seite neu.");
  await writeAudited(
    (tx) => saveAcknowledgement({ conceptId: concept.id, municipalityId: concept.municipalityId, findingKey: finding.key, rule: finding.rule, reason, userId: actor.id }, tx),
    () => ({ municipalityId: concept.municipalityId, actorId: actor.id, action: "check.acknowledge", conceptId: concept.id, details: { rule: finding.rule } }),
  );
}

/** Withdraw a "bewusst so" (editors and admins). */
export async function withdrawAcknowledgement(actor: Actor, input: { conceptId: string; findingKey: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editContent");
  const withdrawn = await writeAudited(
    (tx) => deleteAcknowledgement({ conceptId: concept.id, findingKey: input.findingKey }, tx),
    (deleted) => (deleted ? { municipalityId: concept.municipalityId, actorId: actor.id, action: "check.withdraw", conceptId: concept.id } : null),
  );
  if (!withdrawn) throw new AppError("not_found", "Dieser Hinweis ist nicht als „bewusst so“ markiert.");
}
