/**
 * ConceptExport → the data the Typst template lays out (pure, no database).
 *
 * Everything that needs German formatting (money, dates, labels, numbering) is
 * decided here, so the template only places strings and walks rich text, and
 * the print preview (HTML) shows exactly the same structure. The source is the
 * same whether it is the current draft or a stored version's snapshot.
 */
import type { JSONContent } from "@tiptap/core";
import type { ConceptExport, ExportedMeasure } from "@/lib/concepts/exchange";
import { computeFunding } from "@/lib/funding/compute";
import { fundingInputFromExport } from "@/lib/funding/input";
import { fundingView, type FundingView, type ViewTable } from "@/lib/funding/view";
import { keyFigureTable, type KeyFigureLine } from "@/lib/key-figures/change";
import { ORG_MODELS, type OrgModel } from "@/lib/concepts/setting-labels";
import { statusLabel } from "@/lib/concepts/status";
import {
  FUNDING_SOURCE_LABELS,
  INDICATOR_KIND_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS as MEASURE_STATUS_LABELS,
  TASK_TYPE_LABELS,
  formatDate,
  formatEuro,
  formatFte,
  formatPeriod,
} from "@/lib/measures/labels";
import { measureLabel, measureNumber } from "@/lib/measures/label";
import { goalSummary, goalTree, indicatorLine, isEmptyTree, type TreeMeasure } from "@/lib/measures/goal-tree";
import { indicatorOverview } from "@/lib/measures/indicator-overview";
import { templateFor } from "@/lib/template";
import { withoutProposals } from "@/lib/suggestions/resolve";
import { printableDoc, withinNesting } from "./printable";

/** One entry of the version history annex (the fields of lib/versions' VersionMeta the PDF prints). */
export type HistoryEntry = {
  number: number;
  label: string;
  status: string;
  createdAt: Date;
  createdByName: string | null;
};

export type PdfSource = {
  data: ConceptExport;
  municipality: string;
  /** the exported version; null for the current draft */
  version: { number: number; label: string } | null;
  /** date printed on the cover and in the file name */
  date: Date;
  /** a logo is mapped into the compiler as /logo.png or /logo.svg */
  logo: "png" | "svg" | null;
  /** the version history annex; null leaves it out */
  history: HistoryEntry[] | null;
  /** the annex of open comment threads (already printable strings); null or missing leaves it out */
  comments?: PdfCommentThread[] | null;
  /** the annex of open proposals (issue 13; already printable strings); null or missing leaves it out */
  suggestions?: PdfSuggestion[] | null;
  /** the annex of review rounds' results (lib/review/round-results, already printable strings); null or missing leaves it out */
  rounds?: PdfRound[] | null;
  /**
   * Keep open proposals in the text as marks (for a renderer that writes them
   * as tracked changes: the DOCX), with their authors' names by user id; null
   * or missing: the text as it stands, without proposals (PDF, ODT, preview).
   */
  proposalAuthors?: Record<string, string> | null;
  /** the municipality's personnel cost per VZÄ and year (chapter 7); null or missing: the default */
  staffCostPerFteCents?: number | null;
  /** a stored version made before versions kept their rate: staffCostPerFteCents is today's (the tables say so) */
  staffCostRateOfToday?: boolean;
  /** the Ausgangslage's key figures (not part of a version's snapshot: see lib/key-figures/backup.ts); missing: none */
  keyFigures?: KeyFigureLine[];
};

/** One open comment thread in the PDF annex: where it is, the quoted passage, the comments (plain text). */
export type PdfCommentThread = {
  place: string;
  quote: string | null;
  /** the passage is no longer in the text (Textstelle entfernt) */
  removed: boolean;
  entries: { author: string; date: string; text: string }[];
};

/** One open proposal in the PDF annex: where, by whom and when, what it would delete and insert (plain text). */
export type PdfSuggestion = { place: string; author: string; date: string; deleted: string; inserted: string };

/** One review round in the PDF annex: what it was, then one row per chapter / field of action and reviewer, then the overall verdicts. */
export type PdfRound = { title: string; meta: string; rows: { target: string; reviewer: string; verdict: string; note: string }[] };

/** A fact; a list (partners, target groups, sub-goals) keeps one entry per item, never one comma-joined string. */
export type Row = { label: string; value: string | string[] };

export type PdfMeasure = {
  number: string;
  title: string;
  description: JSONContent | null;
  /** the measure's facts in print order; empty values are left out */
  facts: Row[];
  funding: { source: string; programme: string; amount: string; until: string }[];
  fundingTotal: string | null;
  indicators: { name: string; kind: string; unit: string; baseline: string; target: string; dataSource: string; cadence: string }[];
};

export type PdfField = {
  number: string;
  key: string;
  title: string;
  parts: PdfFieldPart[];
};

export type PdfFieldPart =
  | { kind: "richText"; title: string; doc: JSONContent | null }
  | { kind: "subGoals"; title: string; items: string[] }
  | { kind: "measures"; title: string; items: PdfMeasure[] }
  | { kind: "indicatorOverview"; title: string; rows: PdfIndicatorRow[] }
  | { kind: "goalTree"; title: string; tree: PdfGoalTree };

/** A row of a field's indicator overview (lib/measures/indicator-overview): `measure` is "code or number" + title. */
export type PdfIndicatorRow = { measure: string; name: string; kind: string; unit: string; range: string; dataSource: string; cadence: string };

/** A measure in the goal tree: "code or number" + title, one line per indicator. */
export type PdfTreeMeasure = { measure: string; indicators: string[] };

/**
 * A field's goal tree (lib/measures/goal-tree): the Leitziel, then one branch
 * per sub-goal and one "Ohne Teilziel" for the measures serving none; `note`
 * stands where a branch has no measure.
 */
export type PdfGoalTree = {
  goal: string | null;
  branches: { head: string; subGoal: boolean; measures: PdfTreeMeasure[]; note: string | null }[];
};

export const GOAL_TREE_TITLE = "Zielbaum";
export const INDICATOR_OVERVIEW_TITLE = "Indikatoren im Überblick";
/** The overview's columns, in the order of PdfIndicatorRow (the Typst template names them the same way). */
export const INDICATOR_OVERVIEW_COLUMNS = ["Maßnahme", "Indikator", "Art", "Einheit", "Basiswert → Zielwert", "Datenquelle", "Turnus"];

/** Chapter 7's computed overview and funding cliff: the same tables the concept page shows (lib/funding/view). */
export type PdfFunding = FundingView;

export type PdfChapter = {
  number: string;
  key: string;
  title: string;
  settings: Row[];
  parts: { title: string | null; doc: JSONContent | null }[];
  funding: PdfFunding | null;
  /** the Ausgangslage's key figures (lib/key-figures), printed under its text; null in other chapters or without figures */
  keyFigures: ViewTable | null;
  fields: PdfField[];
};

export type PdfModel = {
  meta: {
    title: string;
    municipality: string;
    status: string;
    /** no watermark only for an adopted concept */
    draft: boolean;
    version: string;
    date: string;
    logo: string | null;
    /** the document's title in the PDF metadata */
    documentTitle: string;
  };
  chapters: PdfChapter[];
  history: { number: string; label: string; status: string; date: string; author: string }[] | null;
  comments: PdfCommentThread[] | null;
  suggestions: PdfSuggestion[] | null;
  rounds: PdfRound[] | null;
  /** set when the text keeps its open proposals as insertion/deletion marks: the authors' names by user id */
  proposalAuthors: Record<string, string> | null;
  stats: { measures: number; fields: number };
};

const berlinDate = (d: Date) =>
  new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" }).format(d);

/**
 * Heading levels without gaps, as PDF/UA-1 demands: the editor offers headings
 * 3 and 4, and a text may use 4 without a 3 before it. A heading 4 stays one
 * level below only after a heading 3 of the same document; otherwise it
 * becomes a 3. The template then places level 3 directly below its part.
 * A heading without text becomes a paragraph (PDF/UA-1 refuses empty titles).
 * (Returns a copy; the Synopse should pass its documents through this too.)
 */
export function normaliseHeadings(doc: JSONContent): JSONContent {
  let seenTop = false;
  const walk = (node: JSONContent): JSONContent => {
    if (node.type === "heading") {
      // PDF/UA-1 refuses an empty heading title: an empty heading is an empty paragraph.
      const text = (node.content ?? []).some((c) => c.type === "text" && !!c.text?.trim());
      if (!text) return { type: "paragraph", content: node.content ?? [] };
      const level = node.attrs?.level === 4 && seenTop ? 4 : 3;
      if (level === 3) seenTop = true;
      return { ...node, attrs: { ...node.attrs, level } };
    }
    return Array.isArray(node.content) ? { ...node, content: node.content.map(walk) } : node;
  };
  return walk(doc);
}

/** A document with visible content (headings normalised), or null (empty parts print "Kein Text."). */
export function docOrNull(input: JSONContent | null | undefined, options: { keepProposals?: boolean } = {}): JSONContent | null {
  if (!input || !Array.isArray(input.content)) return null;
  // A draft prints the text as it stands: open proposals (issue 13) rejected, unless the renderer writes them as tracked changes.
  const doc = options.keepProposals ? withinNesting(input) : withoutProposals(withinNesting(input));
  const hasContent = (n: JSONContent): boolean =>
    (n.type === "text" && !!n.text?.trim()) || n.type === "table" || (Array.isArray(n.content) && n.content.some(hasContent));
  return (doc.content ?? []).some(hasContent) ? normaliseHeadings(printableDoc(doc)) : null;
}

function settingRows(chapterKey: string, settings: Record<string, unknown>): Row[] {
  const s = settings as Record<string, string | number | boolean | null | undefined>;
  const rows: Row[] = [];
  const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  if (chapterKey === "mandate") {
    const period = formatPeriod(str(s.validFrom) || null, str(s.validUntil) || null);
    if (period) rows.push({ label: "Geltungszeitraum", value: period });
  }
  if (chapterKey === "vision" && typeof s.wholeSociety === "boolean") {
    rows.push({
      label: "Ausrichtung",
      value: s.wholeSociety ? "Richtet sich an die gesamte Stadtgesellschaft" : "Richtet sich an Neuzugewanderte",
    });
  }
  if (chapterKey === "governance") {
    const model = str(s.orgModel) as OrgModel | "";
    if (model) {
      const label = model === "other" && str(s.orgModelOther) ? str(s.orgModelOther) : (ORG_MODELS[model] ?? model);
      rows.push({ label: "Organisationsmodell", value: label });
    }
    if (str(s.leadOffice)) rows.push({ label: "Federführende Stelle", value: str(s.leadOffice) });
  }
  if (chapterKey === "update") {
    if (typeof s.updateCycleYears === "number") {
      rows.push({ label: "Fortschreibung", value: s.updateCycleYears === 1 ? "jährlich" : `alle ${s.updateCycleYears} Jahre` });
    }
    if (str(s.updateOffice)) rows.push({ label: "Zuständig für die Fortschreibung", value: str(s.updateOffice) });
  }
  return rows;
}

function measureModel(m: ExportedMeasure, number: string, goalText: ReadonlyMap<string, string>): PdfMeasure {
  const facts: Row[] = [];
  const add = (label: string, value: string | string[]) => {
    if (typeof value === "string" ? value.trim() : value.length) facts.push({ label, value });
  };
  const items = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);
  // The code also heads the sheet; as a fact of its own an import of the exported file can tell it from the title.
  add("Kürzel", m.code ?? "");
  add("Federführung", m.leadOffice);
  add("Kooperationspartner", items(m.partners));
  add("Zielgruppen", items(m.targetGroups));
  add("Status", MEASURE_STATUS_LABELS[m.status] ?? m.status);
  add("Zeitraum", formatPeriod(m.startDate, m.endDate));
  add("Priorität", PRIORITY_LABELS[m.priority] ?? m.priority);
  add("Aufgabenart", TASK_TYPE_LABELS[m.taskType] ?? m.taskType);
  add("Personal (VZÄ pro Jahr)", formatFte(m.staffFte));
  add("Personalkosten je VZÄ (eigener Satz)", m.staffCostPerFteCents === null ? "" : formatEuro(m.staffCostPerFteCents));
  add("Sachkosten pro Jahr", m.materialCostCents === null ? "" : formatEuro(m.materialCostCents));
  add("Teilziele", items(m.subGoalRefs.map((r) => goalText.get(r) ?? "")));
  const total = m.fundingLines.reduce((a, l) => a + l.amountCents, 0);
  return {
    number,
    title: m.title.trim() || "(ohne Titel)",
    description: docOrNull(m.description),
    facts,
    funding: m.fundingLines.map((l) => ({
      source: FUNDING_SOURCE_LABELS[l.source] ?? l.source,
      programme: l.programme,
      amount: formatEuro(l.amountCents),
      until: l.until ? formatDate(l.until) : "",
    })),
    fundingTotal: m.fundingLines.length > 1 ? formatEuro(total) : null,
    indicators: m.indicators.map((x) => ({
      name: x.name,
      kind: INDICATOR_KIND_LABELS[x.kind] ?? x.kind,
      unit: x.unit,
      baseline: x.baseline,
      target: x.target,
      dataSource: x.dataSource,
      cadence: x.cadence,
    })),
  };
}

const orDash = (s: string) => s.trim() || "–";

/** The parts derived from a field's measures: its indicator overview and its goal tree (each left out when empty). */
function derivedParts(
  goal: JSONContent | null | undefined,
  goals: { ref: string; text: string }[],
  measures: ExportedMeasure[],
  fieldNumber: string,
): PdfFieldPart[] {
  const keyed = measures.map((m, i) => ({ ...m, id: String(i), subGoalIds: m.subGoalRefs }));
  const parts: PdfFieldPart[] = [];
  const rows = indicatorOverview(keyed, fieldNumber);
  if (rows.length) {
    parts.push({
      kind: "indicatorOverview",
      title: INDICATOR_OVERVIEW_TITLE,
      rows: rows.map((r) => ({
        measure: `${r.measureLabel} ${r.measureTitle.trim() || "(ohne Titel)"}`,
        name: r.name,
        kind: INDICATOR_KIND_LABELS[r.kind] ?? r.kind,
        unit: r.unit,
        range: `${orDash(r.baseline)} → ${orDash(r.target)}`,
        dataSource: r.dataSource,
        cadence: r.cadence,
      })),
    });
  }
  const tree = goalTree({ goal: goalSummary(goal), subGoals: goals.map((g) => ({ id: g.ref, text: g.text })), measures: keyed, fieldNumber });
  if (!isEmptyTree(tree)) {
    const node = (m: TreeMeasure): PdfTreeMeasure => ({ measure: `${m.label} ${m.title.trim() || "(ohne Titel)"}`, indicators: m.indicators.map((x) => indicatorLine(x, INDICATOR_KIND_LABELS[x.kind] ?? x.kind)) });
    parts.push({
      kind: "goalTree",
      title: GOAL_TREE_TITLE,
      tree: {
        goal: tree.goal || null,
        branches: [
          ...tree.subGoals.map((g) => ({ head: g.text, subGoal: true, measures: g.measures.map(node), note: g.measures.length ? null : "Keine Maßnahme zugeordnet." })),
          ...(tree.withoutSubGoal.length ? [{ head: "Ohne Teilziel", subGoal: false, measures: tree.withoutSubGoal.map(node), note: null }] : []),
        ],
      },
    });
  }
  return parts;
}

/** Build the model the template and the print preview render. */
export function buildPdfModel(source: PdfSource): PdfModel {
  const { data } = source;
  const template = templateFor(data.concept.templateVersion);
  const rawSection = (chapter: string, part: string, fieldKey: string | null) =>
    data.sections.find((s) => s.chapter === chapter && s.part === part && s.fieldKey === fieldKey)?.content;
  const keepProposals = !!source.proposalAuthors;
  const section = (chapter: string, part: string, fieldKey: string | null) => docOrNull(rawSection(chapter, part, fieldKey), { keepProposals });
  const fields = [...data.fields].sort((a, b) => a.position - b.position || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const goalText = new Map(data.subGoals.map((g) => [g.ref, g.text]));

  const chapters: PdfChapter[] = template.chapters.map((chapter, ci) => {
    const number = String(ci + 1);
    const isFields = chapter.key === "fields";
    return {
      number,
      key: chapter.key,
      title: chapter.title,
      settings: settingRows(chapter.key, data.concept.settings),
      parts: chapter.parts.map((p) => ({ title: chapter.parts.length > 1 ? p.title : null, doc: section(chapter.key, p.key, null) })),
      funding: chapter.key === "funding" ? fundingView(computeFunding(fundingInputFromExport(data, source.staffCostPerFteCents ?? null, source.staffCostRateOfToday))) : null,
      keyFigures: chapter.key === "baseline" && source.keyFigures?.length ? keyFigureTable(source.keyFigures) : null,
      fields: isFields
        ? fields.map((f, fi) => {
            const fieldNumber = `${number}.${fi + 1}`;
            const measures = data.measures.filter((m) => m.fieldKey === f.key).sort((a, b) => a.position - b.position);
            const goals = data.subGoals.filter((g) => g.fieldKey === f.key).sort((a, b) => a.position - b.position);
            return {
              number: fieldNumber,
              key: f.key,
              title: f.title,
              parts: [
                ...template.fieldParts.map((p): PdfFieldPart => {
                  if (p.kind === "richText") return { kind: "richText", title: p.title, doc: section("fields", p.key, f.key) };
                  if (p.kind === "subGoals") return { kind: "subGoals", title: p.title, items: goals.map((g) => g.text).filter((t) => t.trim()) };
                  return {
                    kind: "measures",
                    title: p.title,
                    items: measures.map((m, mi) => measureModel(m, measureLabel(m.code, measureNumber(fieldNumber, mi)), goalText)),
                  };
                }),
                ...derivedParts(rawSection("fields", "goal", f.key), goals, measures, fieldNumber),
              ],
            };
          })
        : [],
    };
  });

  const status = statusLabel(data.concept.status);
  const version = source.version
    ? `Fassung ${source.version.number}${source.version.label.trim() ? ` – ${source.version.label.trim()}` : ""}`
    : "Aktueller Arbeitsstand";
  return {
    meta: {
      title: data.concept.title,
      municipality: source.municipality,
      status,
      draft: data.concept.status !== "adopted",
      version,
      date: berlinDate(source.date),
      logo: source.logo ? `/logo.${source.logo}` : null,
      documentTitle: `Integrationskonzept ${source.municipality}: ${data.concept.title}`,
    },
    chapters,
    history: source.history
      ? source.history.map((h) => ({
          number: String(h.number),
          label: h.label,
          status: statusLabel(h.status),
          date: berlinDate(h.createdAt),
          author: h.createdByName ?? "",
        }))
      : null,
    comments: source.comments ?? null,
    suggestions: source.suggestions ?? null,
    rounds: source.rounds ?? null,
    proposalAuthors: source.proposalAuthors ?? null,
    stats: { measures: data.measures.length, fields: fields.length },
  };
}
