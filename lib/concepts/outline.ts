import { templateFor } from "@/lib/template";

export type PartState = "empty" | "started" | "complete";

export type OutlineInput = {
  templateVersion: number;
  fields: { id: string; key: string; title: string; custom: boolean }[];
  sections: { id: string; chapter: string; part: string; fieldId: string | null; textLength: number }[];
  goalCounts: { fieldId: string; n: number }[];
  measureCounts: { fieldId: string; n: number }[];
};

export type OutlineEntry = {
  key: string;
  title: string;
  number: string;
  anchor: string;
  state: PartState;
  children?: OutlineEntry[];
};

/** The outline's input from a loaded concept: sub-goals and measures counted per field. */
export function outlineCounts(tree: {
  fields: OutlineInput["fields"];
  sections: OutlineInput["sections"];
  subGoals: { fieldId: string }[];
  measures: { fieldId: string }[];
}): Omit<OutlineInput, "templateVersion"> {
  const count = (rows: { fieldId: string }[]) => {
    const n = new Map<string, number>();
    for (const r of rows) n.set(r.fieldId, (n.get(r.fieldId) ?? 0) + 1);
    return [...n].map(([fieldId, k]) => ({ fieldId, n: k }));
  };
  return { fields: tree.fields, sections: tree.sections, goalCounts: count(tree.subGoals), measureCounts: count(tree.measures) };
}

/** A rich-text part counts as written from this many characters on (a heading alone is not a text). */
export const MIN_WRITTEN_CHARS = 80;

function stateOf(filled: boolean[]): PartState {
  const n = filled.filter(Boolean).length;
  if (n === 0) return "empty";
  return n === filled.length ? "complete" : "started";
}

function partFilled(length: number) {
  return length >= MIN_WRITTEN_CHARS;
}

/**
 * The sidebar outline: each chapter and field of action with its state and the
 * overall progress (share of complete parts). A part is complete when written
 * (rich text ≥ 80 characters, at least one Teilziel, at least one Maßnahme).
 */
export function buildOutline(input: OutlineInput): { entries: OutlineEntry[]; progress: number } {
  const template = templateFor(input.templateVersion);
  const parts: boolean[] = [];
  const entries: OutlineEntry[] = template.chapters.map((chapter, index) => {
    const number = String(index + 1);
    const own = chapter.parts.map((p) =>
      partFilled(input.sections.find((s) => s.chapter === chapter.key && s.part === p.key && !s.fieldId)?.textLength ?? 0),
    );
    parts.push(...own);
    if (chapter.key !== "fields") {
      return { key: chapter.key, title: chapter.title, number, anchor: `kapitel-${chapter.key}`, state: stateOf(own) };
    }
    const children = input.fields.map((field, fi) => {
      const filled = template.fieldParts.map((p) => {
        if (p.kind === "subGoals") return (input.goalCounts.find((g) => g.fieldId === field.id)?.n ?? 0) > 0;
        if (p.kind === "measures") return (input.measureCounts.find((m) => m.fieldId === field.id)?.n ?? 0) > 0;
        return partFilled(input.sections.find((s) => s.fieldId === field.id && s.part === p.key)?.textLength ?? 0);
      });
      parts.push(...filled);
      return {
        key: field.key,
        title: field.title,
        number: `${number}.${fi + 1}`,
        anchor: `feld-${field.key}`,
        state: stateOf(filled),
      };
    });
    // The chapter's own text (template 2: the introduction) counts like one more child.
    const states = [...children.map((c) => c.state), ...own.map((filled): PartState => (filled ? "complete" : "empty"))];
    const state: PartState =
      states.length && states.every((s) => s === "complete") ? "complete" : states.every((s) => s === "empty") ? "empty" : "started";
    return { key: chapter.key, title: chapter.title, number, anchor: `kapitel-${chapter.key}`, state, children };
  });
  const progress = parts.length ? Math.round((parts.filter(Boolean).length / parts.length) * 100) : 0;
  return { entries, progress };
}

export const STATE_LABELS: Record<PartState, string> = { empty: "leer", started: "begonnen", complete: "vollständig" };
