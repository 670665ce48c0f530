import { templateFor } from "@/lib/template";

export type PartState = "empty" | "started" | "done";

/** A part marked "fertig": who (null: the account was deleted) and when. */
export type DoneMark = { chapter: string; part: string; fieldId: string | null; markedAt: Date; markedByName: string | null };

export type OutlineInput = {
  templateVersion: number;
  fields: { id: string; key: string; title: string; custom: boolean }[];
  sections: { id: string; chapter: string; part: string; fieldId: string | null; textLength: number }[];
  goalCounts: { fieldId: string; n: number }[];
  measureCounts: { fieldId: string; n: number }[];
  /** parts marked "fertig" (none: nothing marked) */
  marks?: DoneMark[];
};

/** One part under an outline entry: its state, the rich-text section it is (for the live update), its mark. */
export type OutlinePart = {
  key: string;
  /** the section of a rich-text part; null for Teilziele and Maßnahmen */
  sectionId: string | null;
  state: PartState;
  done: { by: string | null; at: string } | null;
};

export type OutlineEntry = {
  key: string;
  title: string;
  number: string;
  anchor: string;
  state: PartState;
  parts: OutlinePart[];
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

/**
 * A part's state: "fertig" when someone marked it so; otherwise "begonnen" as
 * soon as it holds any text (or a Teilziel, a Maßnahme), "leer" before.
 */
export function partState(filled: boolean, done: boolean): PartState {
  return done ? "done" : filled ? "started" : "empty";
}

/** A chapter's or field's state from its parts': fertig when all are, leer when none has anything. */
export function entryState(states: readonly PartState[]): PartState {
  if (states.length && states.every((s) => s === "done")) return "done";
  return states.every((s) => s === "empty") ? "empty" : "started";
}

/**
 * The sidebar outline: each chapter and field of action with its state and its
 * parts', and the overall progress (share of parts marked "fertig").
 */
export function buildOutline(input: OutlineInput): { entries: OutlineEntry[]; progress: number } {
  const template = templateFor(input.templateVersion);
  const all: OutlinePart[] = [];
  const markOf = (chapter: string, part: string, fieldId: string | null) =>
    input.marks?.find((m) => m.chapter === chapter && m.part === part && m.fieldId === fieldId) ?? null;
  const outlinePart = (key: string, sectionId: string | null, filled: boolean, mark: DoneMark | null): OutlinePart => {
    const p = { key, sectionId, state: partState(filled, !!mark), done: mark ? { by: mark.markedByName, at: mark.markedAt.toISOString() } : null };
    all.push(p);
    return p;
  };
  const entries: OutlineEntry[] = template.chapters.map((chapter, index) => {
    const number = String(index + 1);
    if (chapter.key !== "fields") {
      const parts = chapter.parts.map((p) => {
        const section = input.sections.find((s) => s.chapter === chapter.key && s.part === p.key && !s.fieldId);
        return outlinePart(p.key, section?.id ?? null, (section?.textLength ?? 0) > 0, markOf(chapter.key, p.key, null));
      });
      return { key: chapter.key, title: chapter.title, number, anchor: `kapitel-${chapter.key}`, state: entryState(parts.map((p) => p.state)), parts };
    }
    // The chapter's own parts (a newer template may give it some) before its fields.
    const own = chapter.parts.map((p) => {
      const section = input.sections.find((s) => s.chapter === chapter.key && s.part === p.key && !s.fieldId);
      return outlinePart(p.key, section?.id ?? null, (section?.textLength ?? 0) > 0, markOf(chapter.key, p.key, null));
    });
    const children = input.fields.map((field, fi): OutlineEntry => {
      const parts = template.fieldParts.map((p) => {
        const mark = markOf(chapter.key, p.key, field.id);
        if (p.kind === "subGoals") return outlinePart(p.key, null, (input.goalCounts.find((g) => g.fieldId === field.id)?.n ?? 0) > 0, mark);
        if (p.kind === "measures") return outlinePart(p.key, null, (input.measureCounts.find((m) => m.fieldId === field.id)?.n ?? 0) > 0, mark);
        const section = input.sections.find((s) => s.fieldId === field.id && s.part === p.key);
        return outlinePart(p.key, section?.id ?? null, (section?.textLength ?? 0) > 0, mark);
      });
      return { key: field.key, title: field.title, number: `${number}.${fi + 1}`, anchor: `feld-${field.key}`, state: entryState(parts.map((p) => p.state)), parts };
    });
    const state = entryState([...own.map((p) => p.state), ...children.map((c) => c.state)]);
    return { key: chapter.key, title: chapter.title, number, anchor: `kapitel-${chapter.key}`, state, parts: own, children };
  });
  const progress = all.length ? Math.round((all.filter((p) => p.state === "done").length / all.length) * 100) : 0;
  return { entries, progress };
}

export const STATE_LABELS: Record<PartState, string> = { empty: "leer", started: "begonnen", done: "fertig" };
