/*
 * A field of action as a goal tree: Leitziel → Teilziele → Maßnahmen →
 * Indikatoren. Derived from what is stored (a measure names the sub-goals it
 * serves), never stored itself. One computation for the concept page and the
 * export model (PDF, print preview, DOCX, ODT); free of the database.
 */
import type { JSONContent } from "@tiptap/core";
import type { IndicatorDraft as Indicator } from "@/lib/measures/indicator-ids";
import { plainText } from "@/lib/editor/document";
import { measureLabel, measureNumber } from "./label";

export type TreeMeasure = { id: string; label: string; title: string; indicators: Indicator[] };
export type TreeSubGoal = { id: string; text: string; measures: TreeMeasure[] };
export type GoalTree = {
  /** the Leitziel as plain text; "" when not written */
  goal: string;
  subGoals: TreeSubGoal[];
  /** measures that serve none of the listed sub-goals ("ohne Teilziel") */
  withoutSubGoal: TreeMeasure[];
};

type MeasureInput = { id: string; code?: string | null; title: string; subGoalIds: readonly string[]; indicators: readonly Indicator[] };

/**
 * The tree of one field. `measures` in the field's order (their automatic
 * numbers count from it); a measure serving two sub-goals stands under both.
 * Sub-goals without text and indicators without a name are left out; a measure
 * linked only to left-out or unknown sub-goals counts as "ohne Teilziel".
 */
export function goalTree(input: {
  goal: string;
  subGoals: readonly { id: string; text: string }[];
  measures: readonly MeasureInput[];
  fieldNumber: string;
}): GoalTree {
  const named = input.measures.map((m, i) => ({
    m,
    node: {
      id: m.id,
      label: measureLabel(m.code, measureNumber(input.fieldNumber, i)),
      title: m.title,
      indicators: m.indicators.filter((x) => x.name.trim()).map((x) => ({ ...x })),
    } satisfies TreeMeasure,
  }));
  const subGoals = input.subGoals.filter((g) => g.text.trim());
  const listed = new Set(subGoals.map((g) => g.id));
  return {
    goal: input.goal.replace(/\s+/g, " ").trim(),
    subGoals: subGoals.map((g) => ({ id: g.id, text: g.text, measures: named.filter(({ m }) => m.subGoalIds.includes(g.id)).map(({ node }) => node) })),
    withoutSubGoal: named.filter(({ m }) => !m.subGoalIds.some((id) => listed.has(id))).map(({ node }) => node),
  };
}

/** Nothing to show: no Leitziel, no sub-goal, no measure. */
export function isEmptyTree(tree: GoalTree): boolean {
  return !tree.goal && tree.subGoals.length === 0 && tree.withoutSubGoal.length === 0;
}

/**
 * The Leitziel for the root of the tree: the text of its first block that has
 * text, with "…" when more follows (the whole Leitziel stands right above the
 * tree; the tree stays compact).
 */
export function goalSummary(doc: JSONContent | null | undefined): string {
  const blocks = (doc?.content ?? []).map((b) => plainText(b).replace(/\s+/g, " ").trim()).filter(Boolean);
  if (!blocks.length) return "";
  return blocks.length > 1 ? `${blocks[0]} …` : blocks[0]!;
}

/** "Teilnehmende (Output): 120 → 200 Personen": an indicator on one line of the tree; `kind` in the reader's language. */
export function indicatorLine(x: Pick<Indicator, "name" | "baseline" | "target" | "unit">, kind: string): string {
  const head = `${x.name.trim()} (${kind})`;
  if (!x.baseline.trim() && !x.target.trim()) return head;
  const dash = (s: string) => s.trim() || "–";
  return `${head}: ${dash(x.baseline)} → ${dash(x.target)}${x.unit.trim() ? ` ${x.unit.trim()}` : ""}`;
}
