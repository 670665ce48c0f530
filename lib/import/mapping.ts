/**
 * The mapping step: for each block of a file a proposed place in the template
 * (proposeMapping), and the concept that a chosen mapping makes (applyMapping),
 * in the backup format, so that the import passes exactly the checks of a
 * backup (lib/concepts/exchange.ts). Pure.
 */
import type { JSONContent } from "@tiptap/core";
import { plainText } from "@/lib/editor/document";
import { CONCEPT_TITLE, FIELD_TITLE, MAX_CUSTOM_FIELDS } from "@/lib/concepts/schema";
import type { ConceptSettings } from "@/lib/concepts/settings";
import { MAX_SUB_GOAL_TEXT, MAX_SUB_GOALS, MAX_MEASURES, MEASURE_TITLE, MAX_SHORT_TEXT } from "@/lib/measures/schema";
import { CURRENT_TEMPLATE, type Template } from "@/lib/template";
import type { Outline, OutlineBlock } from "./outline";
import { columnKind, parseList, parseMoney, parsePeriod, parsePriority, parseStatus } from "./measure-values";
import { readMeasureSheet, stripMeasureNumber } from "./measure-sheet";
import { isSettingsTable, readSettingsTable } from "./settings-table";
import { matchTitle } from "./titles";
import { countWords, missingWords } from "./words";

export type FieldPartKey = "baseline" | "goal" | "subGoals" | "measures";
/** "chapter:<key>", "field:<fieldKey>:<part>" or "unassigned:<chapterKey>" */
export type TargetValue = string;

export const UNASSIGNED_TITLE = "Nicht zugeordnet";
export const NOTES_TITLE = "Anmerkungen";

export type ProposedBlock = {
  id: string;
  level: number;
  title: string;
  parentId: string | null;
  /** first lines of the block, for the mapping step */
  preview: string;
  words: number;
  target: TargetValue;
  /** the place the title itself names (then the title is not repeated as a heading there) */
  defines: TargetValue | null;
};

export type Proposal = {
  title: string;
  blocks: ProposedBlock[];
  /** own fields of action the proposal creates: key → title */
  customFields: { key: string; title: string }[];
};

const chapterTarget = (key: string) => `chapter:${key}`;
const fieldTarget = (field: string, part: FieldPartKey) => `field:${field}:${part}`;
const unassignedTarget = (chapter: string) => `unassigned:${chapter}`;

export type ParsedTarget =
  | { kind: "chapter"; chapter: string }
  | { kind: "field"; field: string; part: FieldPartKey }
  | { kind: "unassigned"; chapter: string };

export function parseTarget(value: string): ParsedTarget | null {
  const [kind, a, b] = value.split(":");
  if (kind === "chapter" && a && b === undefined) return { kind, chapter: a };
  if (kind === "unassigned" && a && b === undefined) return { kind, chapter: a };
  if (kind === "field" && a && (b === "baseline" || b === "goal" || b === "subGoals" || b === "measures")) return { kind, field: a, part: b };
  return null;
}

const customKey = (blockId: string) => `own-${blockId}`;

function firstLines(content: JSONContent[], max = 240): string {
  const text = content.map((n) => plainText(n)).join("\n").trim();
  return text.length > max ? `${text.slice(0, max).trimEnd()} …` : text;
}

function fitTitle(text: string, min: number, max: number, fallback: string) {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length < min) return fallback;
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** Context of a heading: the place its enclosing headings opened. */
type Context = { chapter: string | null; field: string | null; target: TargetValue | null };

/**
 * Propose a place for every block, from its title and the places of the
 * headings it stands under. A heading that names nothing inherits its parent's
 * place (and stays a heading in that text); under "Handlungsfelder" it becomes
 * an own field of action; elsewhere its text is "Nicht zugeordnet" of the
 * chapter it stood under.
 */
export function proposeMapping(outline: Outline, fileName: string, template: Template = CURRENT_TEMPLATE): Proposal {
  const contexts = new Map<string, Context>();
  const customFields: Proposal["customFields"] = [];
  const textChapters = new Set(template.chapters.filter((c) => c.parts.some((p) => p.kind === "richText")).map((c) => c.key));
  let lastChapter: string | null = null;
  const blocks: ProposedBlock[] = outline.blocks.map((block) => {
    const parent: Context = (block.parentId && contexts.get(block.parentId)) || { chapter: null, field: null, target: null };
    // Under a field's "Maßnahmen", a heading is a measure's title ("Sprachcafés" names no field there);
    // a heading naming the chapter or field it already stands in is a heading of that text.
    const inMeasures = parent.target !== null && parent.target === (parent.field ? fieldTarget(parent.field, "measures") : null);
    const named = block.level === 0 || inMeasures ? null : matchTitle(block.title, parent.field !== null);
    const match = (named?.kind === "chapter" && named.key === parent.chapter) || (named?.kind === "field" && named.key === parent.field) ? null : named;
    let ctx: Context;
    let defines: TargetValue | null = null;
    // The heading's own text, when it is not its context's: the fields chapter's introduction (template 2).
    let own: TargetValue | null = null;
    if (match?.kind === "chapter") {
      const fieldsText = match.key === "fields" && textChapters.has("fields");
      const target = match.key === "fields" && !fieldsText ? unassignedTarget("fields") : chapterTarget(match.key);
      // Headings under "Handlungsfelder" open fields of action, so its context has no text of its own.
      ctx = { chapter: match.key, field: null, target: match.key === "fields" ? null : target };
      if (fieldsText) own = target;
      defines = target;
    } else if (match?.kind === "field") {
      defines = fieldTarget(match.key, "baseline");
      ctx = { chapter: "fields", field: match.key, target: defines };
    } else if (match?.kind === "part" && parent.field) {
      defines = fieldTarget(parent.field, match.key);
      ctx = { ...parent, target: defines };
    } else if (parent.chapter === "fields" && parent.field === null && customFields.length < MAX_CUSTOM_FIELDS) {
      const key = customKey(block.id);
      // "5.7 Antidiskriminierung", "7. Antidiskriminierung": the number is the document's, not the field's ("2030 plus" stays).
      const title = block.title.replace(/^\s*(?:\d+(?:\.\d+)+\.?|\d+\.)\s+(?=\S)/, "");
      customFields.push({ key, title: fitTitle(title, FIELD_TITLE.min, FIELD_TITLE.max, `Handlungsfeld ${customFields.length + 1}`) });
      defines = fieldTarget(key, "baseline");
      ctx = { chapter: "fields", field: key, target: defines };
    } else if (parent.target) {
      ctx = parent;
    } else {
      const chapter = parent.chapter ?? lastChapter ?? template.chapters[0]!.key;
      ctx = { chapter, field: null, target: unassignedTarget(chapter) };
    }
    if (ctx.chapter && ctx.chapter !== "fields") lastChapter = ctx.chapter;
    if (ctx.chapter === "fields") lastChapter = "fields";
    contexts.set(block.id, ctx);
    return {
      id: block.id,
      level: block.level,
      title: block.title,
      parentId: block.parentId,
      preview: firstLines(block.content),
      words: countWords([block.title, ...block.content.map((n) => plainText(n))].join(" ")),
      target: own ?? ctx.target ?? unassignedTarget(ctx.chapter ?? template.chapters[0]!.key),
      defines,
    };
  });
  const baseName = fileName.replace(/\.[^.]*$/, "");
  const title = fitTitle(outline.title ?? baseName, CONCEPT_TITLE.min, CONCEPT_TITLE.max, "Importiertes Integrationskonzept");
  return { title, blocks, customFields };
}

/** The choices of the mapping step: every text part of the template, each field's parts, "Nicht zugeordnet" per chapter. */
export function targetOptions(proposal: Pick<Proposal, "customFields">, template: Template = CURRENT_TEMPLATE) {
  const options: { value: TargetValue; label: string; group: string }[] = [];
  for (const c of template.chapters) {
    if (c.parts.some((p) => p.kind === "richText")) options.push({ value: chapterTarget(c.key), label: c.title, group: "Kapitel" });
  }
  const fields = [...template.standardFields, ...proposal.customFields];
  for (const f of fields) {
    for (const p of template.fieldParts) options.push({ value: fieldTarget(f.key, p.key as FieldPartKey), label: `${f.title} – ${p.title}`, group: "Handlungsfelder" });
  }
  for (const c of template.chapters) options.push({ value: unassignedTarget(c.key), label: `${UNASSIGNED_TITLE} (${c.title})`, group: UNASSIGNED_TITLE });
  return options;
}

// ---------------------------------------------------------------------------

export type ImportReport = {
  wordsIn: number;
  wordsPlaced: number;
  /** text of the file that is not in the concept (empty when the counts are equal) */
  unplaced: { where: string; text: string }[];
  skipped: Outline["skipped"];
  trackedChanges: number;
};

/** A concept in the backup format (lib/concepts/exchange.ts), for importConcept. */
export type MappedConcept = {
  format: "konzeptwerk.concept";
  formatVersion: 1;
  exportedAt: string;
  concept: { title: string; templateVersion: number; status: "draft"; settings: Partial<ConceptSettings> };
  fields: { key: string; title: string; custom: boolean; position: number }[];
  sections: { chapter: string; part: string; fieldKey: string | null; content: JSONContent; revision: 0 }[];
  subGoals: { ref: string; fieldKey: string; text: string; position: number }[];
  measures: Record<string, unknown>[];
};

const heading = (level: 3 | 4, text: string): JSONContent => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const paragraph = (text: string): JSONContent => (text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" });
/** What an imported measure has until its sheet or table row says otherwise (the form's defaults); fresh lists each call. */
const measureDefaults = () => ({
  targetGroups: [] as string[],
  taskType: "voluntary" as const,
  leadOffice: "",
  partners: [] as string[],
  status: "planned" as const,
  startDate: null,
  endDate: null,
  priority: "medium" as const,
  staffFte: null,
  materialCostCents: null,
  fundingLines: [],
  indicators: [],
});

/** Items of all lists in `nodes`, nested ones as items of their own. */
function listItems(nodes: JSONContent[]): string[] {
  const items: string[] = [];
  const walk = (list: JSONContent) => {
    for (const item of list.content ?? []) {
      const own = (item.content ?? []).filter((c) => c.type !== "bulletList" && c.type !== "orderedList");
      const text = own.map((c) => plainText(c)).join(" ").replace(/\s+/g, " ").trim();
      if (text) items.push(text);
      for (const c of item.content ?? []) if (c.type === "bulletList" || c.type === "orderedList") walk(c);
    }
  };
  for (const n of nodes) if (n.type === "bulletList" || n.type === "orderedList") walk(n);
  return items;
}

const cellText = (cell: JSONContent) => plainText(cell).replace(/\s+/g, " ").trim();

/**
 * A table whose rows are measures: one row each, the "Maßnahme" column (or the
 * first) its title, Federführung, period, costs, status, priority, partners
 * and target groups read into the measure's fields where they parse. Every
 * cell but title and Federführung also stays in the description as
 * "Spalte: Wert", so nothing of the row is lost.
 */
function measuresOfTable(table: JSONContent) {
  const rows = (table.content ?? []).map((r) => (r.content ?? []).map(cellText));
  const headerRow = table.content?.[0]?.content?.every((c) => c.type === "tableHeader") || rows.length > 1 ? rows[0]! : null;
  if (!headerRow) return null;
  const kinds = headerRow.map(columnKind);
  let titleCol = kinds.indexOf("title");
  if (titleCol < 0) titleCol = 0;
  const leadCol = kinds.indexOf("lead");
  const body = rows.slice(1).filter((r) => r.some((c) => c));
  return {
    header: headerRow,
    rows: body.map((cells) => {
      const title = cells[titleCol] ?? "";
      const lead = leadCol >= 0 ? (cells[leadCol] ?? "") : "";
      const useLead = lead.length <= MAX_SHORT_TEXT;
      const rest = cells
        .map((c, i) => ({ label: headerRow[i] ?? "", value: c, i }))
        .filter((c) => c.i !== titleCol && !(useLead && c.i === leadCol) && c.value);
      const values: Record<string, unknown> = {};
      cells.forEach((value, i) => {
        const kind = kinds[i];
        if (!value || i === titleCol) return;
        if (kind === "period" && !("startDate" in values)) Object.assign(values, parsePeriod(value) ?? {});
        else if (kind === "cost" && !("materialCostCents" in values)) {
          const cents = parseMoney(value);
          if (cents !== null) values.materialCostCents = cents;
        } else if (kind === "status" && !("status" in values)) {
          const status = parseStatus(value);
          if (status) values.status = status;
        } else if (kind === "priority" && !("priority" in values)) {
          const priority = parsePriority(value);
          if (priority) values.priority = priority;
        } else if ((kind === "partners" || kind === "targetGroups") && !(kind in values)) {
          const list = parseList(value);
          if (list) values[kind] = list;
        }
      });
      return { title, lead: useLead ? lead : "", rest, cells, values };
    }),
  };
}

/**
 * The concept a mapping makes, and the report of what landed where. Text that
 * cannot go where it was mapped (a paragraph under "Teilziele", a table row
 * without a usable title) is kept under "Nicht zugeordnet". Under "Maßnahmen"
 * a table is read a measure a row, a heading with a facts table as one measure
 * (./measure-sheet.ts); a chapter's "Angabe | Inhalt" table right under its
 * heading fills the chapter's settings (./settings-table.ts), as the DOCX/ODT
 * export writes both.
 */
export function applyMapping(
  outline: Outline,
  proposal: Proposal,
  chosen: Readonly<Record<string, TargetValue>> = {},
  template: Template = CURRENT_TEMPLATE,
  now = new Date(),
): { concept: MappedConcept; report: ImportReport } {
  // The file's own title is placed as the concept's title (a title from the file name is no text of the file).
  const placed: string[] = outline.title ? [outline.title] : [];
  const customKeys = new Set(proposal.customFields.map((f) => f.key));
  const fieldKeys = new Set([...template.standardFields.map((f) => f.key), ...customKeys]);
  const chapterKeys = new Set(template.chapters.map((c) => c.key));
  const textChapters = new Set(template.chapters.filter((c) => c.parts.some((p) => p.kind === "richText")).map((c) => c.key));

  const texts = new Map<string, JSONContent[]>(); // "chapter" | "field:part" → nodes
  const notes = new Map<string, JSONContent[]>();
  const unassigned = new Map<string, JSONContent[]>(); // section id → nodes
  const usedCustom = new Set<string>();
  const subGoals: MappedConcept["subGoals"] = [];
  const settings: Partial<ConceptSettings> = {};
  const measures: MappedConcept["measures"] = [];

  const firstField = template.standardFields[0]!.key;
  const sectionOfChapter = (chapter: string) => (textChapters.has(chapter) ? `chapter:${chapter}` : `field:${firstField}:baseline`);
  const push = (map: Map<string, JSONContent[]>, key: string, nodes: JSONContent[]) => {
    if (nodes.length) map.set(key, [...(map.get(key) ?? []), ...nodes]);
  };
  const record = (nodes: JSONContent[]) => placed.push(...nodes.map((n) => plainText(n)));

  const blockById = new Map(outline.blocks.map((b) => [b.id, b]));
  const proposed = new Map(proposal.blocks.map((b) => [b.id, b]));
  const targetOf = (id: string): ParsedTarget => {
    const value = chosen[id] ?? proposed.get(id)?.target ?? "";
    const t = parseTarget(value);
    if (t?.kind === "chapter" && textChapters.has(t.chapter)) return t;
    if (t?.kind === "unassigned" && chapterKeys.has(t.chapter)) return t;
    if (t?.kind === "field" && fieldKeys.has(t.field)) return t;
    return { kind: "unassigned", chapter: "mandate" };
  };

  const valueOf = (id: string) => {
    const t = targetOf(id);
    return t.kind === "field" ? `field:${t.field}:${t.part}` : `${t.kind}:${t.chapter}`;
  };

  // Measure sheets: a heading directly under a field's "Maßnahmen" opens one, its sub-headings
  // (same place) belong to it; read as a measure when it has a facts table (./measure-sheet.ts).
  const sheetRoot = new Map<string, string>();
  for (const block of outline.blocks) {
    const value = valueOf(block.id);
    const parent = block.parentId ? blockById.get(block.parentId) : undefined;
    if (!parent || block.level === 0 || valueOf(parent.id) !== value || !/^field:.+:measures$/.test(value)) continue;
    const root = sheetRoot.get(parent.id) ?? (proposed.get(parent.id)?.defines === value ? block.id : undefined);
    if (root) sheetRoot.set(block.id, root);
  }
  const consumed = new Set<string>();
  const readSheet = (root: OutlineBlock, field: string): boolean => {
    const members = outline.blocks.filter((b) => b !== root && sheetRoot.get(b.id) === root.id);
    const nodes = [...root.content];
    const sheetNotes = [...root.notes];
    for (const m of members) nodes.push(heading(m.level - root.level > 1 ? 4 : 3, m.title), ...m.content), sheetNotes.push(...m.notes);
    const sheet = readMeasureSheet(nodes);
    const title = stripMeasureNumber(root.title, sheet?.values.code);
    if (!sheet || title.length < MEASURE_TITLE.min || title.length > MEASURE_TITLE.max || measures.length >= MAX_MEASURES) return false;
    const goals = subGoals.filter((g) => g.fieldKey === field);
    const refs = [...new Set(sheet.subGoals.flatMap((text) => goals.filter((g) => g.text === text).slice(0, 1).map((g) => g.ref)))];
    const unknownGoals = sheet.subGoals.filter((text) => !goals.some((g) => g.text === text));
    const description = [...sheet.description, ...unknownGoals.map((t) => paragraph(`Teilziel: ${t}`)), ...sheetNotes];
    measures.push({
      fieldKey: field,
      position: measures.filter((m) => m.fieldKey === field).length,
      subGoalRefs: refs,
      title,
      description: { type: "doc", content: description.length ? description : [{ type: "paragraph" }] },
      ...measureDefaults(),
      ...sheet.values,
    });
    placed.push(root.title, ...sheet.read);
    record(description);
    for (const m of members) consumed.add(m.id);
    return true;
  };

  for (const block of outline.blocks) {
    if (consumed.has(block.id)) continue;
    const p = proposed.get(block.id);
    const target = targetOf(block.id);
    const value = valueOf(block.id);
    if (target.kind === "field" && customKeys.has(target.field)) usedCustom.add(target.field);
    // The title names this place: it is the place's own title, not repeated as text.
    const titleIsPlace = p?.defines === value && block.level > 0;
    // A heading inside another heading's text is one level lower (h4), a heading that opens a text h3.
    const parent = block.parentId ? blockById.get(block.parentId) : undefined;
    const parentOpensText = parent === undefined || valueOf(parent.id) !== value || proposed.get(parent.id)?.defines === value;
    const titleNode = block.level > 0 && !titleIsPlace ? [heading(parentOpensText ? 3 : 4, block.title)] : [];
    if (sheetRoot.get(block.id) === block.id && target.kind === "field" && readSheet(block, target.field)) continue;
    if (block.level > 0) placed.push(block.title);

    if (target.kind === "chapter" && titleIsPlace && isSettingsTable(block.content[0])) {
      // The chapter's settings as the export writes them, right under its heading.
      const table = readSettingsTable(target.chapter, block.content[0]!);
      Object.assign(settings, table.settings);
      placed.push(...table.read);
      const rest = table.rest.map(paragraph);
      push(texts, `chapter:${target.chapter}`, [...rest, ...block.content.slice(1)]);
      push(notes, `chapter:${target.chapter}`, block.notes);
      record([...rest, ...block.content.slice(1), ...block.notes]);
      continue;
    }
    if (target.kind === "chapter" || (target.kind === "field" && (target.part === "baseline" || target.part === "goal"))) {
      const key = target.kind === "chapter" ? `chapter:${target.chapter}` : `field:${target.field}:${target.part}`;
      push(texts, key, [...titleNode, ...block.content]);
      push(notes, key, block.notes);
    } else if (target.kind === "unassigned") {
      const key = sectionOfChapter(target.chapter);
      push(unassigned, key, [...titleNode, ...block.content, ...block.notes]);
    } else if (target.part === "subGoals") {
      const rest = block.content.filter((n) => n.type !== "bulletList" && n.type !== "orderedList");
      const items = listItems(block.content);
      const overflow: JSONContent[] = [];
      for (const text of items) {
        if (text.length <= MAX_SUB_GOAL_TEXT && subGoals.length < MAX_SUB_GOALS) {
          subGoals.push({ ref: `sg-${subGoals.length + 1}`, fieldKey: target.field, text, position: subGoals.length });
        } else overflow.push(paragraph(text));
      }
      placed.push(...items.filter((t) => !overflow.some((o) => plainText(o) === t)));
      const key = `field:${target.field}:baseline`;
      push(unassigned, key, [...titleNode, ...rest, ...overflow, ...block.notes]);
      record([...rest, ...overflow, ...block.notes]);
      continue;
    } else {
      // Measures: each table row with a usable title becomes a measure; everything else stays text.
      const rest: JSONContent[] = [];
      for (const node of block.content) {
        const table = node.type === "table" ? measuresOfTable(node) : null;
        if (!table) {
          rest.push(node);
          continue;
        }
        placed.push(...table.header);
        for (const row of table.rows) {
          const title = row.title.replace(/\s+/g, " ").trim();
          if (title.length < MEASURE_TITLE.min || title.length > MEASURE_TITLE.max || measures.length >= MAX_MEASURES) {
            rest.push(paragraph(row.cells.join(" · ")));
            continue;
          }
          placed.push(title, row.lead, ...row.rest.map((c) => c.value));
          measures.push({
            fieldKey: target.field,
            position: measures.filter((m) => m.fieldKey === target.field).length,
            subGoalRefs: [],
            title,
            description: {
              type: "doc",
              content: row.rest.length ? row.rest.map((c) => paragraph(`${c.label}: ${c.value}`)) : [{ type: "paragraph" }],
            },
            ...measureDefaults(),
            leadOffice: row.lead,
            ...row.values,
          });
        }
      }
      const key = `field:${target.field}:baseline`;
      push(unassigned, key, [...titleNode, ...rest, ...block.notes]);
      record([...rest, ...block.notes]);
      continue;
    }
    record([...block.content, ...block.notes]);
  }

  const fields: MappedConcept["fields"] = [
    ...template.standardFields.map((f, i) => ({ key: f.key, title: f.title, custom: false, position: i })),
    ...proposal.customFields
      .filter((f) => usedCustom.has(f.key))
      .map((f, i) => ({ key: f.key, title: f.title, custom: true, position: template.standardFields.length + i })),
  ];
  const sectionDoc = (key: string): JSONContent => {
    const body = [...(texts.get(key) ?? [])];
    const noteNodes = notes.get(key) ?? [];
    if (noteNodes.length) body.push(heading(4, NOTES_TITLE), ...noteNodes);
    const loose = unassigned.get(key) ?? [];
    if (loose.length) body.push(heading(3, UNASSIGNED_TITLE), ...loose);
    return { type: "doc", content: body.length ? body : [{ type: "paragraph" }] };
  };
  const sections: MappedConcept["sections"] = [];
  for (const c of template.chapters) {
    for (const part of c.parts) if (part.kind === "richText") sections.push({ chapter: c.key, part: part.key, fieldKey: null, content: sectionDoc(`chapter:${c.key}`), revision: 0 });
  }
  for (const f of fields) {
    for (const part of template.fieldParts) {
      if (part.kind === "richText") sections.push({ chapter: "fields", part: part.key, fieldKey: f.key, content: sectionDoc(`field:${f.key}:${part.key}`), revision: 0 });
    }
  }

  const placedText = placed.join("\n");
  const missing = missingWords(outline.sourceText, placedText);
  const report: ImportReport = {
    wordsIn: countWords(outline.sourceText),
    wordsPlaced: countWords(placedText),
    unplaced: missing.length ? [{ where: "Datei", text: missing.join(" ") }] : [],
    skipped: outline.skipped,
    trackedChanges: outline.trackedChanges,
  };
  return {
    concept: {
      format: "konzeptwerk.concept",
      formatVersion: 1,
      exportedAt: now.toISOString(),
      concept: { title: proposal.title, templateVersion: template.version, status: "draft", settings },
      fields,
      sections,
      subGoals,
      measures,
    },
    report,
  };
}
