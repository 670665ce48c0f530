import "server-only";
import { listConcepts, outlineInputsOfMunicipality } from "@/db/queries/concepts";
import { countOpenThreadsByConcept } from "@/db/queries/comments";
import { openRoundsByConcept } from "@/db/queries/rounds";
import { conceptsWithAdoptedVersion } from "@/db/queries/versions";
import { lastChangeByConcept, recentSectionEditors } from "@/db/queries/audit";
import { listPartMarksOfMunicipality } from "@/db/queries/part-marks";
import { listAssignmentsOfMunicipality } from "@/db/queries/assignments";
import type { Actor } from "@/lib/authz/require-role";
import { requireRole } from "@/lib/authz/require-role";
import { buildOutline } from "./outline";
import { conceptSteps, type ConceptSteps } from "./steps";

/** A section edit this recent counts as "working on it right now". */
export const RECENT_EDIT_MINUTES = 15;

export type DashboardEntry = {
  id: string;
  title: string;
  templateVersion: number;
  /** archived concepts are listed in their own section "Archiv" */
  archivedAt: Date | null;
  steps: ConceptSteps;
  /** share of parts marked "fertig", as in the concept's outline */
  progress: number;
  openThreads: number;
  rounds: { open: number; nextDue: string | null } | null;
  lastChange: { at: Date; actorName: string | null };
  /** people who edited a part in the last minutes, with the part's chapter and field */
  editors: { name: string; chapter: string | null; fieldTitle: string | null }[];
  /** who is responsible for which chapter or field of action, by due date */
  assignments: { name: string; chapter: string; fieldKey: string | null; fieldTitle: string | null; fieldCustom: boolean; dueDate: string }[];
};

function byConcept<T extends { conceptId: string | null }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) if (r.conceptId) (out.get(r.conceptId) ?? out.set(r.conceptId, []).get(r.conceptId)!).push(r);
  return out;
}

/**
 * The concept list as a dashboard (every member): per concept its step on the
 * municipal path, progress, open comments, open review rounds, the last change
 * and who is writing in it. Each table is read once for the whole
 * municipality, never once per concept.
 */
export async function readConceptDashboard(actor: Actor, input: { municipalityId: string }): Promise<DashboardEntry[]> {
  const municipalityId = input.municipalityId;
  await requireRole(actor, municipalityId, "concept.read");
  const since = new Date(Date.now() - RECENT_EDIT_MINUTES * 60 * 1000);
  const [concepts, outline, threads, rounds, adopted, last, editors, marks, responsible] = await Promise.all([
    listConcepts({ municipalityId }),
    outlineInputsOfMunicipality({ municipalityId }),
    countOpenThreadsByConcept({ municipalityId }),
    openRoundsByConcept({ municipalityId }),
    conceptsWithAdoptedVersion({ municipalityId }),
    lastChangeByConcept({ municipalityId }),
    recentSectionEditors({ municipalityId, since }),
    listPartMarksOfMunicipality({ municipalityId }),
    listAssignmentsOfMunicipality({ municipalityId }),
  ]);
  const fields = byConcept(outline.fields);
  const sections = byConcept(outline.sections);
  const goals = byConcept(outline.goalCounts);
  const measures = byConcept(outline.measureCounts);
  const editing = byConcept(editors);
  const done = byConcept(marks);
  const assigned = byConcept(responsible);
  return concepts.map((c) => {
    const change = last.get(c.id);
    const seen = new Set<string>();
    const people: DashboardEntry["editors"] = [];
    for (const e of editing.get(c.id) ?? []) {
      const key = `${e.actorId}/${e.details.chapter}/${e.details.field ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      people.push({ name: e.actorName, chapter: typeof e.details.chapter === "string" ? e.details.chapter : null, fieldTitle: typeof e.details.fieldTitle === "string" ? e.details.fieldTitle : null });
    }
    return {
      id: c.id,
      title: c.title,
      templateVersion: c.templateVersion,
      archivedAt: c.archivedAt,
      steps: conceptSteps(c.status, adopted.has(c.id)),
      progress: buildOutline({
        templateVersion: c.templateVersion,
        fields: fields.get(c.id) ?? [],
        sections: sections.get(c.id) ?? [],
        goalCounts: goals.get(c.id) ?? [],
        measureCounts: measures.get(c.id) ?? [],
        marks: done.get(c.id) ?? [],
      }).progress,
      openThreads: threads.get(c.id) ?? 0,
      rounds: rounds.get(c.id) ?? null,
      // A concept without any audit entry (e.g. from before the log) still has its own time of change.
      lastChange: change ? { at: change.at, actorName: change.actorName } : { at: c.updatedAt, actorName: null },
      editors: people,
      assignments: (assigned.get(c.id) ?? []).map((a) => ({ name: a.assigneeName, chapter: a.chapter, fieldKey: a.fieldKey, fieldTitle: a.fieldTitle, fieldCustom: !!a.fieldCustom, dueDate: a.dueDate })),
    };
  });
}
