/*
 * Sub-goals (Teilziele) and measures point at each other: a measure names the
 * sub-goals it serves (subGoalIds); this gives each sub-goal its measures, in
 * the order and with the names the concept shows. Free of the database so the
 * page, the PDF and tests share it.
 */
import { measureLabel, measureNumber } from "./label";

export type GoalMeasure = { id: string; label: string; title: string };

/** Each sub-goal with the measures that serve it; `measures` in the field's order (their automatic numbers count from it). */
export function measuresByGoal<G extends { id: string }>(
  goals: readonly G[],
  measures: readonly { id: string; code?: string | null; title: string; subGoalIds: readonly string[] }[],
  fieldNumber: string,
): (G & { measures: GoalMeasure[] })[] {
  const named = measures.map((m, i) => ({ m, label: measureLabel(m.code, measureNumber(fieldNumber, i)) }));
  return goals.map((g) => ({
    ...g,
    measures: named.filter(({ m }) => m.subGoalIds.includes(g.id)).map(({ m, label }) => ({ id: m.id, label, title: m.title })),
  }));
}
