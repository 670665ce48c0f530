/**
 * PdfModel → Word document (DOCX) with the `docx` library. The same model as
 * the Typst PDF and the print preview (lib/pdf/model.ts), so structure,
 * numbering and wording match; only the layout is Word's: built-in heading
 * styles (navigation pane, table of contents), an updatable TOC field, real
 * Word lists, header rows repeated on each page, German as the language.
 */
import type { JSONContent } from "@tiptap/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  DeletedTextRun,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import { INDICATOR_OVERVIEW_COLUMNS, type PdfChapter, type PdfFunding, type PdfGoalTree, type PdfIndicatorRow, type PdfMeasure, type PdfModel, type Row } from "@/lib/pdf/model";
import { alignmentOf, children, tableGrid, xmlText, type Alignment } from "./text";

type Block = Paragraph | Table;
type Marks = { bold?: boolean; italics?: boolean; underline?: boolean; strike?: boolean };

const WORD_ALIGNMENT = { center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
/** A paragraph's own alignment, else its cell's; undefined leaves Word's default (left). */
const wordAlignment = (node: JSONContent, cell: Alignment | null) => {
  const alignment = alignmentOf(node) ?? cell;
  return alignment ? WORD_ALIGNMENT[alignment] : undefined;
};

const ACCENT = "1F4E79";
const MUTED = "595959";
/** A4 text width: 21 cm minus 2.5 cm and 2.2 cm margins, in twips. */
const TEXT_WIDTH = 9242;
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

const bulletLevels = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: ["•", "◦", "▪"][level % 3]!,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
}));
const numberLevels = (start: number) =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
    text: `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
  }));

/** Walks the model once; keeps the counter that gives every ordered list its own numbering instance. */
class Writer {
  private listInstance = 0;
  /** w:id of the next tracked change (unique in the document) */
  private revision = 0;

  /** Open proposals' authors by user id: set when the model keeps proposals in the text (tracked changes). */
  constructor(private readonly proposalAuthors: Record<string, string> | null = null) {}

  heading(level: number, text: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
    return new Paragraph({ heading: HEADINGS[Math.min(Math.max(level, 1), 6) - 1], pageBreakBefore: options.pageBreakBefore, children: [new TextRun(xmlText(text))] });
  }

  para(text: string, marks: { bold?: boolean; italics?: boolean } = {}): Paragraph {
    return new Paragraph({ children: [new TextRun({ text: xmlText(text), ...marks })] });
  }

  muted(text: string): Paragraph {
    return new Paragraph({ children: [new TextRun({ text: xmlText(text), italics: true, color: MUTED })] });
  }

  /** Inline content: text with its marks, links, line breaks. */
  inline(nodes: JSONContent[], base: Marks = {}): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const n of nodes) {
      if (n.type === "hardBreak") out.push(new TextRun({ text: "", break: 1 }));
      if (n.type !== "text" || !n.text) continue;
      const types = new Set((n.marks ?? []).map((m) => m.type));
      const marks: Marks = {
        bold: base.bold || types.has("bold") || undefined,
        italics: base.italics || types.has("italic") || undefined,
        strike: types.has("strike") || undefined,
        underline: types.has("underline") || undefined,
      };
      const href = (n.marks ?? []).find((m) => m.type === "link")?.attrs?.href;
      const proposal = this.proposalAuthors ? (n.marks ?? []).find((m) => m.type === "insertion" || m.type === "deletion") : undefined;
      // The suggestion library's zero-width anchors are not text.
      const text = proposal ? n.text.replace(/\u200B/g, "") : n.text;
      if (!text) continue;
      const options = { text: xmlText(text), bold: marks.bold, italics: marks.italics, strike: marks.strike, underline: marks.underline ? {} : undefined };
      if (proposal) {
        const author = xmlText((typeof proposal.attrs?.author === "string" && this.proposalAuthors![proposal.attrs.author]) || "") || "Unbekannt";
        const at = typeof proposal.attrs?.at === "string" && !Number.isNaN(Date.parse(proposal.attrs.at)) ? new Date(proposal.attrs.at).toISOString().replace(/\.\d{3}Z$/, "Z") : undefined;
        // w:date is optional in OOXML: a proposal without a time gets none rather than a made-up one.
        const change = (at ? { id: ++this.revision, author, date: at } : { id: ++this.revision, author }) as { id: number; author: string; date: string };
        // (A link inside a proposal keeps its text; the link itself is left to the decision.)
        out.push(proposal.type === "insertion" ? new InsertedTextRun({ ...options, ...change }) : new DeletedTextRun({ ...options, ...change }));
        continue;
      }
      const run = (style?: string) => new TextRun({ ...options, style });
      out.push(typeof href === "string" && href ? new ExternalHyperlink({ link: href, children: [run("Hyperlink")] }) : run());
    }
    return out;
  }

  /** Rich text (a Tiptap document) as Word blocks; editor heading 3 becomes Word heading `headingLevel`, 4 one below. */
  rich(doc: JSONContent, headingLevel: number): Block[] {
    return children(doc).flatMap((n) => this.block(n, headingLevel, null, false));
  }

  private block(
    node: JSONContent,
    headingLevel: number,
    list: { reference: string | { reference: string; levels: ReturnType<typeof numberLevels> }; level: number; instance?: number } | null,
    quote: boolean,
    cell: { header: boolean; alignment: Alignment | null } | null = null,
  ): Block[] {
    const indent = quote ? { left: 567 } : undefined;
    switch (node.type) {
      case "paragraph":
        return [
          new Paragraph({
            indent,
            alignment: wordAlignment(node, cell?.alignment ?? null),
            numbering: list ?? undefined,
            children: this.inline(children(node), { bold: cell?.header, italics: quote }),
          }),
        ];
      case "heading": {
        const level = headingLevel + (node.attrs?.level === 4 ? 1 : 0);
        return [new Paragraph({ heading: HEADINGS[Math.min(level, 6) - 1], alignment: wordAlignment(node, null), children: this.inline(children(node)) })];
      }
      case "bulletList":
      case "orderedList": {
        const level = list ? Math.min(list.level + 1, 8) : 0;
        const start = typeof node.attrs?.start === "number" && node.attrs.start > 1 ? Math.floor(node.attrs.start) : 1;
        const reference =
          node.type === "bulletList" ? "kw-bullets" : start === 1 ? "kw-numbers" : { reference: `kw-numbers-${start}`, levels: numberLevels(start) };
        // A bullet list nested in an item keeps its parent's instance; every ordered list counts from its own start.
        const instance = node.type === "orderedList" ? ++this.listInstance : list?.instance;
        return children(node).flatMap((item) =>
          children(item).flatMap((c, i) =>
            c.type === "bulletList" || c.type === "orderedList"
              ? this.block(c, headingLevel, { reference, level, instance }, quote)
              : i === 0
                ? this.block(c, headingLevel, { reference, level, instance }, quote)
                : // Further paragraphs of an item stand under its text, without a number of their own.
                  this.block(c, headingLevel, null, quote).map((b) => b),
          ),
        );
      }
      case "listItem":
        return children(node).flatMap((c) => this.block(c, headingLevel, list, quote));
      case "blockquote":
        return children(node).flatMap((c) => this.block(c, headingLevel, null, true));
      case "table":
        return [this.richTable(node, headingLevel)];
      case "text":
      case "hardBreak":
        return [new Paragraph({ children: this.inline([node]) })];
      default:
        return children(node).flatMap((c) => this.block(c, headingLevel, list, quote));
    }
  }

  private richTable(node: JSONContent, headingLevel: number): Table {
    const grid = tableGrid(node);
    const width = Math.floor(TEXT_WIDTH / grid.columns);
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: Array.from({ length: grid.columns }, () => width),
      rows: grid.rows
        .filter((r) => r.length > 0)
        .map(
          (row, ri) =>
            new TableRow({
              tableHeader: grid.headerRow && ri === 0,
              children: row.map((c) => {
                const blocks = children(c.node).flatMap((b) => this.block(b, headingLevel, null, false, { header: c.header, alignment: alignmentOf(c.node) }));
                return new TableCell({
                  columnSpan: c.colspan > 1 ? c.colspan : undefined,
                  rowSpan: c.rowspan > 1 ? c.rowspan : undefined,
                  shading: c.header ? { type: ShadingType.CLEAR, fill: "EBEBEB", color: "auto" } : undefined,
                  children: blocks.length && blocks.at(-1) instanceof Paragraph ? blocks : [...blocks, new Paragraph({})],
                });
              }),
            }),
        ),
    });
  }

  /** A table of strings: header row (repeated on every page), body rows, columns of the given relative widths. */
  table(header: string[], rows: (string | string[])[][], widths: number[], options: { rightAligned?: number[]; boldLastRow?: boolean } = {}): Table {
    const total = widths.reduce((a, b) => a + b, 0);
    const columnWidths = widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
    const cell = (value: string | string[], col: number, header: boolean, bold: boolean) =>
      new TableCell({
        width: { size: columnWidths[col]!, type: WidthType.DXA },
        shading: header ? { type: ShadingType.CLEAR, fill: "EBEBEB", color: "auto" } : undefined,
        children: (typeof value === "string" ? [value] : value.length ? value : [""]).map(
          (line) =>
            new Paragraph({
              alignment: options.rightAligned?.includes(col) ? AlignmentType.RIGHT : undefined,
              children: [new TextRun({ text: xmlText(line), bold: header || bold || undefined, size: 19 })],
            }),
        ),
      });
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths,
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true, false)) }),
        ...rows.map((r, ri) => new TableRow({ children: r.map((v, i) => cell(v, i, false, !!options.boldLastRow && ri === rows.length - 1)) })),
      ],
    });
  }

  facts(rows: Row[]): Block[] {
    if (!rows.length) return [];
    return [this.table(["Angabe", "Inhalt"], rows.map((r) => [r.label, r.value]), [1, 2]), new Paragraph({})];
  }

  measure(m: PdfMeasure): Block[] {
    const out: Block[] = [this.heading(4, `${m.number} ${m.title}`)];
    if (m.description) out.push(...this.rich(m.description, 5));
    out.push(...this.facts(m.facts));
    if (m.funding.length) {
      const rows = m.funding.map((f) => [f.source, f.programme, f.amount, f.until]);
      if (m.fundingTotal) rows.push(["Summe", "", m.fundingTotal, ""]);
      out.push(this.table(["Förderquelle", "Programm", "Betrag", "bis"], rows, [3, 4, 2, 2], { rightAligned: [2], boldLastRow: !!m.fundingTotal }), new Paragraph({}));
    }
    if (m.indicators.length) {
      const rows = m.indicators.map((x) => [x.name, x.kind, `${x.baseline} → ${x.target}`, x.unit, [x.dataSource, x.cadence].filter(Boolean).join(", ")]);
      out.push(this.table(["Indikator", "Art", "Basiswert → Zielwert", "Einheit", "Datenquelle, Turnus"], rows, [4, 2, 3, 2, 4]), new Paragraph({}));
    }
    return out;
  }

  indicatorOverview(rows: PdfIndicatorRow[]): Block[] {
    return [
      this.table(INDICATOR_OVERVIEW_COLUMNS, rows.map((r) => [r.measure, r.name, r.kind, r.unit, r.range, r.dataSource, r.cadence]), [4, 4, 2, 2, 3, 3, 2]),
      new Paragraph({}),
    ];
  }

  /** The goal tree as one bulleted Word list: sub-goal → measure → indicator on levels 0, 1, 2. */
  goalTree(t: PdfGoalTree): Block[] {
    const item = (level: number, run: TextRun) => new Paragraph({ numbering: { reference: "kw-bullets", level }, children: [run] });
    const out: Block[] = [];
    if (t.goal) out.push(new Paragraph({ children: [new TextRun({ text: "Leitziel: ", bold: true }), new TextRun(xmlText(t.goal))] }));
    for (const b of t.branches) {
      out.push(item(0, new TextRun({ text: xmlText(b.head), bold: b.subGoal || undefined, italics: !b.subGoal || undefined })));
      if (b.note) out.push(item(1, new TextRun({ text: b.note, italics: true, color: MUTED })));
      for (const m of b.measures) {
        out.push(item(1, new TextRun(xmlText(m.measure))));
        for (const x of m.indicators) out.push(item(2, new TextRun(xmlText(x))));
      }
    }
    return out;
  }

  funding(f: PdfFunding): Block[] {
    // The same tables as the concept page, the print preview and the PDF (lib/funding/view.ts).
    const table = (t: PdfFunding["tables"][number]) => [
      this.muted(t.caption),
      this.table(
        t.columns.map((c) => c.label),
        t.rows.map((r) => r.cells),
        t.columns.map((_, i) => (i === 0 ? 4 : 2)),
        { rightAligned: t.columns.flatMap((c, i) => (c.numeric ? [i] : [])), boldLastRow: !!t.rows[t.rows.length - 1]?.total },
      ),
      new Paragraph({}),
    ];
    return [
      this.heading(2, "Übersicht aus den Maßnahmen"),
      this.muted(`Aus ${f.measures} Maßnahmen berechnet.`),
      ...f.tables.flatMap(table),
      ...(f.excluded ? [this.muted(`${f.excluded.title}: ${f.excluded.items.join("; ")}`)] : []),
      ...f.notes.map((n) => this.muted(n)),
      this.heading(2, "Förderklippe"),
      this.muted(f.cliff.summary),
      ...f.cliff.tables.flatMap(table),
    ];
  }

  chapter(ch: PdfChapter): Block[] {
    const out: Block[] = [this.heading(1, `${ch.number} ${ch.title}`, { pageBreakBefore: true })];
    out.push(...this.facts(ch.settings));
    if (ch.funding) out.push(...this.funding(ch.funding));
    for (const p of ch.parts) {
      if (p.title) out.push(this.heading(2, p.title));
      if (p.doc) out.push(...this.rich(p.doc, 2));
      else if (!ch.fields.length) out.push(this.muted("Kein Text."));
    }
    if (ch.keyFigures) {
      // The same table as the PDF and the print preview (lib/key-figures/change.ts).
      const t = ch.keyFigures;
      out.push(
        this.heading(2, "Kennzahlen"),
        this.muted(t.caption),
        this.table(
          t.columns.map((c) => c.label),
          t.rows.map((r) => r.cells),
          [4, 2, 2, 2, 3, 4],
          { rightAligned: t.columns.flatMap((c, i) => (c.numeric ? [i] : [])), boldLastRow: false },
        ),
        new Paragraph({}),
      );
    }
    for (const f of ch.fields) {
      out.push(this.heading(2, `${f.number} ${f.title}`));
      for (const p of f.parts) {
        out.push(this.heading(3, p.title));
        if (p.kind === "richText") out.push(...(p.doc ? this.rich(p.doc, 4) : [this.muted("Kein Text.")]));
        else if (p.kind === "subGoals") {
          const instance = ++this.listInstance;
          out.push(...(p.items.length ? p.items.map((t) => new Paragraph({ numbering: { reference: "kw-numbers", level: 0, instance }, children: [new TextRun(xmlText(t))] })) : [this.muted("Keine Teilziele.")]));
        } else if (p.kind === "indicatorOverview") out.push(...this.indicatorOverview(p.rows));
        else if (p.kind === "goalTree") out.push(...this.goalTree(p.tree));
        else out.push(...(p.items.length ? p.items.flatMap((m) => this.measure(m)) : [this.muted("Keine Maßnahmen.")]));
      }
    }
    return out;
  }

  annexes(model: PdfModel): Block[] {
    const out: Block[] = [];
    if (model.history) {
      out.push(this.heading(1, "Anhang: Versionsverlauf", { pageBreakBefore: true }));
      out.push(
        model.history.length
          ? this.table(["Nr.", "Bezeichnung", "Status", "Datum", "Erstellt von"], model.history.map((h) => [h.number, h.label, h.status, h.date, h.author]), [1, 5, 3, 2, 3])
          : this.muted("Es gibt noch keine gespeicherten Fassungen."),
      );
    }
    if (model.comments) {
      out.push(this.heading(1, "Anhang: Offene Kommentare", { pageBreakBefore: true }));
      if (!model.comments.length) out.push(this.muted("Es gibt keine offenen Kommentare."));
      for (const c of model.comments) {
        out.push(this.para(c.place, { bold: true }));
        if (c.quote) out.push(c.removed ? this.para(`Textstelle entfernt: „${c.quote}“`, { italics: true }) : new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: xmlText(c.quote), italics: true })] }));
        for (const e of c.entries) out.push(new Paragraph({ children: [new TextRun({ text: xmlText(e.author), bold: true }), new TextRun(xmlText(` (${e.date}): ${e.text}`))] }));
      }
    }
    return out;
  }

  cover(model: PdfModel): Block[] {
    const { meta } = model;
    const line = (label: string, value: string, bold = false) =>
      new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 1700 }], children: [new TextRun(label), new TextRun({ text: `\t${xmlText(value)}`, bold })] });
    return [
      new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: xmlText(meta.municipality), size: 26, color: "4D4D4D" })] }),
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun("Integrationskonzept")] }),
      new Paragraph({ spacing: { after: 900 }, children: [new TextRun({ text: xmlText(meta.title), size: 34 })] }),
      new Paragraph({ children: [new TextRun({ text: "Angaben zum Dokument", color: MUTED })] }),
      line("Status", meta.status, true),
      line("Fassung", meta.version),
      line("Stand", meta.date),
    ];
  }
}

/** The document as DOCX bytes. */
export async function renderDocx(model: PdfModel): Promise<Buffer> {
  const { meta } = model;
  const w = new Writer(model.proposalAuthors);
  const body: (Block | TableOfContents)[] = [
    ...w.cover(model),
    new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: "Inhalt", bold: true, size: 34, color: ACCENT })] }),
    new TableOfContents("Inhalt", { hyperlink: true, headingStyleRange: "1-2" }),
    ...model.chapters.flatMap((ch) => w.chapter(ch)),
    ...w.annexes(model),
  ];
  const small = { size: 17, color: MUTED };
  const watermark = () => (meta.draft ? [new TextWatermark({ text: "ENTWURF", color: "D9D9D9", opacity: 0.6 })] : []);
  // Also as plain text: the watermark is a shape that text extraction and screen readers skip.
  const mark = () => (meta.draft ? [new TextRun({ text: "ENTWURF · ", bold: true, ...small })] : []);
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: "B3B3B3", space: 4 } },
        children: [...watermark(), ...mark(), new TextRun({ text: xmlText(meta.title), ...small }), new TextRun({ text: `\t${xmlText(meta.municipality)}`, ...small })],
      }),
    ],
  });
  const footer = () => new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          ...mark(),
          new TextRun({ text: `${xmlText(meta.version)} · ${meta.date}\t`, ...small }),
          new TextRun({ children: ["Seite ", PageNumber.CURRENT, " von ", PageNumber.TOTAL_PAGES], ...small }),
        ],
      }),
    ],
  });
  const heading = (size: number, pageBreak = false) => ({
    run: { size, bold: true, color: ACCENT, font: "Arial" },
    paragraph: { spacing: { before: pageBreak ? 0 : 240, after: 120 }, keepNext: true },
  });
  const doc = new Document({
    creator: xmlText(meta.municipality),
    title: xmlText(meta.documentTitle),
    subject: "Integrationskonzept",
    keywords: "Integrationskonzept",
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: "Arial", size: 20, language: { value: "de-DE" } }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { size: 52, bold: true, color: ACCENT, font: "Arial" }, paragraph: { spacing: { after: 120 } } },
        heading1: heading(34, true),
        heading2: heading(27),
        heading3: heading(23),
        heading4: heading(21),
        heading5: { run: { size: 20, italics: true, color: ACCENT }, paragraph: { keepNext: true } },
        heading6: { run: { size: 20, italics: true }, paragraph: { keepNext: true } },
      },
      characterStyles: [{ id: "Hyperlink", name: "Hyperlink", basedOn: "DefaultParagraphFont", run: { color: "1F4E79", underline: {} } }],
    },
    numbering: {
      config: [
        { reference: "kw-bullets", levels: bulletLevels },
        { reference: "kw-numbers", levels: numberLevels(1) },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1474, bottom: 1361, left: 1417, right: 1247, header: 709, footer: 709 } },
        },
        headers: { default: header, first: new Header({ children: [new Paragraph({ children: watermark() })] }) },
        footers: { default: footer(), first: footer() },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
