/**
 * The comparison of two states of a concept (two versions, or a version and the
 * current draft): every rich-text part in template order, measures matched by
 * id and compared field by field, fields of action and the chapter settings.
 * Pure: takes two snapshots, returns what the compare page, the JSON API and
 * the Synopse PDF show.
 */
import type { JSONContent } from "@tiptap/core";
import type { ExportedField, ExportedMeasure, ExportedSubGoal } from "@/lib/concepts/exchange";
import { SETTING_LABELS, ORG_MODELS } from "@/lib/concepts/setting-labels";
import { plainText } from "@/lib/editor/document";
import { templateFor, FIELDS_CHAPTER, chapterNumberIn, chapterPartTitle } from "@/lib/template";
import { hasSuggestions } from "@/lib/suggestions/resolve";
import { listSuggestions, type Suggestion } from "@/lib/suggestions/list";
import { diffDocs, type DocDiff } from "./richtext";
import { diffMeasure, measureSummary, wordDiff, type FieldChange, type MeasureDiff, type MeasureSide, type SummaryRow } from "./measures";
import { sectionKey } from "../snapshot";

/** The parts of a snapshot the comparison reads. */
export type ComparableSnapshot = {
  data: {
    concept: { title: string; templateVersion: number; settings: Record<string, unknown> };
    fields: ExportedField[];
    sections: { chapter: string; part: string; fieldKey: string | null; content: JSONContent }[];
    subGoals: ExportedSubGoal[];
    measures: ExportedMeasure[];
  };
  ids: { measures: string[] };
};

export type ChangeState = "unchanged" | "changed" | "added" | "removed";

/** A chapter, or a field of action inside chapter "Handlungsfelder". */
export type Group = { key: string; kind: "chapter" | "field"; number: string; title: string };

export type SectionComparison = {
  key: string;
  group: Group;
  /** the part's title, e.g. "Ausgangslage"; empty for a chapter's only text */
  partTitle: string;
  state: ChangeState;
  /** the compared text is the text without open proposals */
  diff: DocDiff;
  /** open proposals (Änderungsvorschläge) in each side's text: shown beside the diff as proposals, never as changes */
  proposals: { before: OpenProposal[]; after: OpenProposal[] };
};

export type OpenProposal = Pick<Suggestion, "id" | "kind" | "author" | "at" | "inserted" | "deleted">;

/** The open proposals of a stored text; none for text the schema no longer reads. */
export function openProposals(content: JSONContent | undefined): OpenProposal[] {
  if (!content || !hasSuggestions(content)) return [];
  try {
    return listSuggestions(content);
  } catch {
    return [];
  }
}

export type MeasureComparison = {
  id: string;
  group: Group;
  title: string;
  state: ChangeState;
  diff: MeasureDiff | null;
  /** every field, for an added or removed measure */
  summary: SummaryRow[];
};

export type GroupSummary = Group & { sections: number; measures: { added: number; removed: number; changed: number }; other: number };

export type ConceptComparison = {
  general: FieldChange[];
  sections: SectionComparison[];
  measures: MeasureComparison[];
  groups: GroupSummary[];
  totals: { sections: number; unchangedSections: number; measuresAdded: number; measuresRemoved: number; measuresChanged: number; general: number };
};

const EMPTY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

function settingValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (key === "wholeSociety") return value ? "Gesamte Stadtgesellschaft" : "Zugewanderte";
  if (key === "orgModel") return ORG_MODELS[value as keyof typeof ORG_MODELS] ?? String(value);
  if (key === "validFrom" || key === "validUntil") return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? String(value).split("-").reverse().join(".") : String(value);
  return String(value);
}

function measureSide(m: ExportedMeasure, goals: Map<string, string>): MeasureSide {
  const { subGoalRefs, ...rest } = m;
  return { ...rest, subGoals: subGoalRefs.map((r) => goals.get(r) ?? r) };
}

export function compareSnapshots(from: ComparableSnapshot, to: ComparableSnapshot): ConceptComparison {
  // The later template of the two: a version from before a move to a newer template lacks its new parts (they compare as added).
  const template = templateFor(Math.max(from.data.concept.templateVersion, to.data.concept.templateVersion));
  const chapterNumber = (key: string) => chapterNumberIn(template, key);
  const a = from.data;
  const b = to.data;

  // Fields of action in the newer order, then those only in the older one.
  const fieldsA = new Map(a.fields.map((f) => [f.key, f]));
  const fieldsB = new Map(b.fields.map((f) => [f.key, f]));
  const fieldOrder = [...[...b.fields].sort((x, y) => x.position - y.position), ...[...a.fields].sort((x, y) => x.position - y.position).filter((f) => !fieldsB.has(f.key))];
  const fieldsNumber = chapterNumber(FIELDS_CHAPTER);
  const fieldGroup = new Map<string, Group>(
    fieldOrder.map((f, i) => [f.key, { key: `field:${f.key}`, kind: "field", number: `${fieldsNumber}.${i + 1}`, title: f.title }]),
  );

  const general: FieldChange[] = [];
  if (a.concept.title !== b.concept.title) general.push({ label: "Titel", before: a.concept.title, after: b.concept.title, words: wordDiff(a.concept.title, b.concept.title) });
  for (const key of Object.keys(SETTING_LABELS)) {
    const x = settingValue(key, a.concept.settings[key]);
    const y = settingValue(key, b.concept.settings[key]);
    if (x !== y) general.push({ label: SETTING_LABELS[key]!, before: x, after: y });
  }
  for (const f of fieldOrder) {
    const x = fieldsA.get(f.key);
    const y = fieldsB.get(f.key);
    if (!x) general.push({ label: "Handlungsfeld", before: "–", after: `${y!.title} (neu)` });
    else if (!y) general.push({ label: "Handlungsfeld", before: x.title, after: "entfernt" });
    else if (x.title !== y.title) general.push({ label: "Handlungsfeld", before: x.title, after: y.title, words: wordDiff(x.title, y.title) });
  }

  // Rich-text parts in document order.
  const docsA = new Map(a.sections.map((s) => [sectionKey(s), s.content]));
  const docsB = new Map(b.sections.map((s) => [sectionKey(s), s.content]));
  const sections: SectionComparison[] = [];
  const push = (key: string, group: Group, partTitle: string) => {
    const x = docsA.get(key);
    const y = docsB.get(key);
    const diff = diffDocs(x ?? EMPTY, y ?? EMPTY);
    const emptyA = !x || plainText(x) === "";
    const emptyB = !y || plainText(y) === "";
    const state: ChangeState = !diff.changed ? "unchanged" : x === undefined && !emptyB ? "added" : y === undefined && !emptyA ? "removed" : "changed";
    sections.push({ key, group, partTitle, state, diff, proposals: { before: openProposals(x), after: openProposals(y) } });
  };
  const groups: Group[] = [];
  for (const chapter of template.chapters) {
    const texts = chapter.parts.filter((p) => p.kind === "richText");
    const group: Group = { key: `chapter:${chapter.key}`, kind: "chapter", number: String(chapterNumber(chapter.key)), title: chapter.title };
    if (texts.length || chapter.key !== FIELDS_CHAPTER) groups.push(group);
    for (const part of texts) {
      push(sectionKey({ chapter: chapter.key, part: part.key, fieldKey: null }), group, texts.length > 1 || part.key !== "text" ? chapterPartTitle(chapter, part) : "");
    }
    if (chapter.key === FIELDS_CHAPTER) {
      for (const f of fieldOrder) {
        const group = fieldGroup.get(f.key)!;
        groups.push(group);
        for (const part of template.fieldParts.filter((p) => p.kind === "richText")) push(sectionKey({ chapter: FIELDS_CHAPTER, part: part.key, fieldKey: f.key }), group, part.title);
      }
    }
  }

  // Sub-goals per field: a changed list counts as a change of that field.
  const goalTexts = (goals: ExportedSubGoal[], key: string) => goals.filter((g) => g.fieldKey === key).sort((x, y) => x.position - y.position).map((g) => g.text);
  const goalChanges = new Map<string, FieldChange>();
  for (const f of fieldOrder) {
    const x = goalTexts(a.subGoals, f.key);
    const y = goalTexts(b.subGoals, f.key);
    if (x.join("\n") !== y.join("\n")) goalChanges.set(f.key, { label: `Teilziele – ${f.title}`, before: x.join("\n") || "–", after: y.join("\n") || "–", words: wordDiff(x.join("\n"), y.join("\n")) });
  }
  general.push(...goalChanges.values());

  // Measures by id.
  const goalsA = new Map(a.subGoals.map((g) => [g.ref, g.text]));
  const goalsB = new Map(b.subGoals.map((g) => [g.ref, g.text]));
  const measuresA = new Map(a.measures.map((m, i) => [from.ids.measures[i] ?? `a#${i}`, m]));
  const measuresB = new Map(b.measures.map((m, i) => [to.ids.measures[i] ?? `b#${i}`, m]));
  const measures: MeasureComparison[] = [];
  const fallbackGroup = (key: string): Group => fieldGroup.get(key) ?? { key: `field:${key}`, kind: "field", number: "", title: key };
  for (const [id, m] of measuresB) {
    const old = measuresA.get(id);
    const group = fallbackGroup(m.fieldKey);
    if (!old) {
      measures.push({ id, group, title: m.title, state: "added", diff: null, summary: measureSummary(measureSide(m, goalsB)) });
      continue;
    }
    const diff = diffMeasure(measureSide(old, goalsA), measureSide(m, goalsB));
    if (old.fieldKey !== m.fieldKey) diff.fields.unshift({ label: "Handlungsfeld", before: fallbackGroup(old.fieldKey).title, after: group.title });
    const changed = diff.fields.length > 0 || diff.description !== null;
    measures.push({ id, group, title: m.title, state: changed ? "changed" : "unchanged", diff: changed ? diff : null, summary: [] });
  }
  for (const [id, m] of measuresA) {
    if (!measuresB.has(id)) measures.push({ id, group: fallbackGroup(m.fieldKey), title: m.title, state: "removed", diff: null, summary: measureSummary(measureSide(m, goalsA)) });
  }
  const groupIndex = new Map(groups.map((g, i) => [g.key, i]));
  measures.sort((x, y) => (groupIndex.get(x.group.key) ?? 1e9) - (groupIndex.get(y.group.key) ?? 1e9));

  const summaries: GroupSummary[] = groups.map((g) => ({
    ...g,
    sections: sections.filter((s) => s.group.key === g.key && s.state !== "unchanged").length,
    measures: {
      added: measures.filter((m) => m.group.key === g.key && m.state === "added").length,
      removed: measures.filter((m) => m.group.key === g.key && m.state === "removed").length,
      changed: measures.filter((m) => m.group.key === g.key && m.state === "changed").length,
    },
    other: g.kind === "field" && (goalChanges.has(g.key.slice(6)) || !fieldsA.has(g.key.slice(6)) || !fieldsB.has(g.key.slice(6))) ? 1 : 0,
  }));

  return {
    general,
    sections,
    measures,
    groups: summaries,
    totals: {
      sections: sections.filter((s) => s.state !== "unchanged").length,
      unchangedSections: sections.filter((s) => s.state === "unchanged").length,
      measuresAdded: measures.filter((m) => m.state === "added").length,
      measuresRemoved: measures.filter((m) => m.state === "removed").length,
      measuresChanged: measures.filter((m) => m.state === "changed").length,
      general: general.length,
    },
  };
}
