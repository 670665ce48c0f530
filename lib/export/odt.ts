/**
 * PdfModel → OpenDocument Text 1.3 (.odt): the same model as the PDF, the
 * print preview and the DOCX. XML is written with fast-xml-parser's builder
 * (it escapes every text and attribute), the package with fflate: the
 * `mimetype` entry first and stored, then the manifest, styles, meta and
 * content. Headings use LibreOffice's built-in styles ("Heading 1" …) with
 * outline levels, so the navigator and the table of contents work.
 */
import type { JSONContent } from "@tiptap/core";
import { strToU8, zipSync } from "fflate";
import { INDICATOR_OVERVIEW_COLUMNS, type PdfChapter, type PdfFunding, type PdfGoalTree, type PdfIndicatorRow, type PdfMeasure, type PdfModel, type Row } from "@/lib/pdf/model";
import { listStyle, stylesXml } from "./odt-styles";
import { el, MUTED, NS, odfText, paraStyle, TEXT_WIDTH_CM, xml, type X } from "./odt-xml";
import { alignmentOf, children, tableGrid, xmlText, type Alignment } from "./text";

export { odfText };

export const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

type Marks = { bold: boolean; italic: boolean; underline: boolean; strike: boolean };

/** Walks the model; collects the automatic text styles the marks need. */
class Writer {
  private spanStyles = new Map<string, Marks>();
  private alignedStyles = new Map<string, { parent: string; alignment: Alignment }>();
  private tables = 0;

  /** The paragraph style `base` with an alignment: an automatic style whose parent is `base` (so Word-style names stay). */
  aligned(base: string, alignment: Alignment | null): string {
    if (!alignment) return base;
    const name = `${base}_${alignment}`;
    this.alignedStyles.set(name, { parent: base, alignment });
    return name;
  }

  alignedStyleNodes(): X[] {
    const odf = { center: "center", right: "end", justify: "justify" } as const;
    return [...this.alignedStyles].map(([name, { parent, alignment }]) =>
      el("style:style", { "style:name": name, "style:family": "paragraph", "style:parent-style-name": parent }, el("style:paragraph-properties", { "fo:text-align": odf[alignment] })),
    );
  }

  span(marks: Marks): string | null {
    const key = `${marks.bold ? "b" : ""}${marks.italic ? "i" : ""}${marks.underline ? "u" : ""}${marks.strike ? "s" : ""}`;
    if (!key) return null;
    this.spanStyles.set(`T_${key}`, marks);
    return `T_${key}`;
  }

  spanStyleNodes(): X[] {
    return [...this.spanStyles].map(([name, m]) =>
      el("style:style", { "style:name": name, "style:family": "text" },
        el("style:text-properties", {
          "fo:font-weight": m.bold ? "bold" : undefined,
          "fo:font-style": m.italic ? "italic" : undefined,
          "style:text-underline-style": m.underline ? "solid" : undefined,
          "style:text-underline-width": m.underline ? "auto" : undefined,
          "style:text-underline-color": m.underline ? "font-color" : undefined,
          "style:text-line-through-style": m.strike ? "solid" : undefined,
        }),
      ),
    );
  }

  inline(nodes: JSONContent[], base: Partial<Marks> = {}): X[] {
    const out: X[] = [];
    for (const n of nodes) {
      if (n.type === "hardBreak") out.push(el("text:line-break", null));
      if (n.type !== "text" || !n.text) continue;
      const types = new Set((n.marks ?? []).map((m) => m.type));
      const style = this.span({ bold: !!base.bold || types.has("bold"), italic: !!base.italic || types.has("italic"), underline: types.has("underline"), strike: types.has("strike") });
      let content: X[] = odfText(n.text);
      if (style) content = [el("text:span", { "text:style-name": style }, content)];
      const href = (n.marks ?? []).find((m) => m.type === "link")?.attrs?.href;
      if (typeof href === "string" && href) content = [el("text:a", { "xlink:type": "simple", "xlink:href": href, "text:style-name": "Internet_20_link", "text:visited-style-name": "Visited_20_Internet_20_Link" }, content)];
      out.push(...content);
    }
    return out;
  }

  p(style: string, ...content: (X | X[])[]): X {
    return el("text:p", { "text:style-name": style }, ...content);
  }
  text(style: string, value: string): X {
    return this.p(style, ...odfText(value));
  }
  heading(level: number, value: string | X[], style?: string): X {
    const l = Math.min(Math.max(level, 1), 6);
    return el("text:h", { "text:style-name": style ?? `Heading_20_${l}`, "text:outline-level": l }, typeof value === "string" ? odfText(value) : value);
  }
  muted(value: string): X {
    return this.text("P_muted", value);
  }

  /** Rich text; editor heading 3 becomes outline level `headingLevel`, 4 one below (as in the PDF). */
  rich(doc: JSONContent, headingLevel: number): X[] {
    return children(doc).flatMap((n) => this.block(n, headingLevel, { quote: false, inList: false }));
  }

  private block(node: JSONContent, headingLevel: number, ctx: { quote: boolean; inList: boolean; cell?: "header" | "data"; cellAlignment?: Alignment | null }): X[] {
    const pStyle = ctx.cell === "header" ? "Table_20_Heading" : ctx.cell ? "Table_20_Contents" : ctx.quote ? "Quotations" : "Text_20_body";
    switch (node.type) {
      case "paragraph":
        // Its own alignment, else its cell's.
        return [this.p(this.aligned(pStyle, alignmentOf(node) ?? ctx.cellAlignment ?? null), ...this.inline(children(node), { bold: ctx.cell === "header" }))];
      case "heading": {
        const level = Math.min(Math.max(headingLevel + (node.attrs?.level === 4 ? 1 : 0), 1), 6);
        return [this.heading(level, this.inline(children(node)), this.aligned(`Heading_20_${level}`, alignmentOf(node)))];
      }
      case "bulletList":
      case "orderedList": {
        const start = typeof node.attrs?.start === "number" && node.attrs.start > 1 ? Math.floor(node.attrs.start) : undefined;
        const items = children(node).map((item, i) =>
          el(
            "text:list-item",
            { "text:start-value": i === 0 ? start : undefined },
            children(item).flatMap((c) => this.block(c, headingLevel, { ...ctx, inList: true })),
          ),
        );
        return [el("text:list", { "text:style-name": node.type === "bulletList" ? "L_bullet" : "L_number" }, items)];
      }
      case "blockquote":
        return children(node).flatMap((c) => this.block(c, headingLevel, { ...ctx, quote: true }));
      case "table":
        // ODF has no table inside a list item: there its rows become paragraphs.
        return ctx.inList ? this.flatTable(node) : [this.richTable(node, headingLevel)];
      case "text":
      case "hardBreak":
        return [this.p(pStyle, ...this.inline([node]))];
      default:
        return children(node).flatMap((c) => this.block(c, headingLevel, ctx));
    }
  }

  private flatTable(node: JSONContent): X[] {
    return children(node).map((row) =>
      this.p("Text_20_body", ...children(row).flatMap((cell, i) => [...(i ? [{ "#text": " | " }] : []), ...children(cell).flatMap((b) => this.inline(children(b)))])),
    );
  }

  private tableShell(columns: number, widths: number[] | null, headerRows: X[], bodyRows: X[]): X {
    this.tables += 1;
    const total = widths ? widths.reduce((a, b) => a + b, 0) : columns;
    const cols = Array.from({ length: columns }, (_, i) => {
      const permille = Math.max(1, Math.round(((widths?.[i] ?? 1) / total) * 1000));
      this.columnWidths.add(permille);
      return el("table:table-column", { "table:style-name": `Col_${permille}` });
    });
    return el(
      "table:table",
      { "table:name": `Tabelle${this.tables}`, "table:style-name": "Tbl" },
      cols,
      headerRows.length ? el("table:table-header-rows", null, headerRows) : null,
      bodyRows,
    );
  }

  /** Relative column widths used (per mille), for the automatic column styles. */
  readonly columnWidths = new Set<number>();

  private richTable(node: JSONContent, headingLevel: number): X {
    const grid = tableGrid(node);
    const rows = grid.rows.length;
    // Every position of the grid: the cell that starts there, or covered by a span.
    const covered = Array.from({ length: rows }, () => new Array<boolean>(grid.columns).fill(false));
    grid.rows.forEach((row, r) =>
      row.forEach((c) => {
        for (let y = r; y < Math.min(rows, r + c.rowspan); y++)
          for (let x = c.column; x < Math.min(grid.columns, c.column + c.colspan); x++) if (y !== r || x !== c.column) covered[y]![x] = true;
      }),
    );
    const rowNodes = grid.rows.map((row, r) => {
      const cells: X[] = [];
      for (let x = 0; x < grid.columns; x++) {
        const c = row.find((cell) => cell.column === x);
        if (c) {
          const blocks = children(c.node).flatMap((b) =>
            this.block(b, headingLevel, { quote: false, inList: false, cell: c.header ? "header" : "data", cellAlignment: alignmentOf(c.node) }),
          );
          cells.push(
            el(
              "table:table-cell",
              {
                "table:style-name": c.header ? "CellH" : "Cell",
                "office:value-type": "string",
                "table:number-columns-spanned": c.colspan > 1 ? Math.min(c.colspan, grid.columns - x) : undefined,
                "table:number-rows-spanned": c.rowspan > 1 ? Math.min(c.rowspan, rows - r) : undefined,
              },
              blocks.length ? blocks : [this.p("Table_20_Contents")],
            ),
          );
        } else if (covered[r]![x]) cells.push(el("table:covered-table-cell", null));
        else cells.push(el("table:table-cell", { "table:style-name": "Cell", "office:value-type": "string" }, this.p("Table_20_Contents")));
      }
      return el("table:table-row", null, cells);
    });
    return grid.headerRow ? this.tableShell(grid.columns, null, rowNodes.slice(0, 1), rowNodes.slice(1)) : this.tableShell(grid.columns, null, [], rowNodes);
  }

  /** A table of strings with a header row that repeats on every page. */
  table(header: string[], rows: (string | string[])[][], widths: number[], options: { rightAligned?: number[]; boldLastRow?: boolean } = {}): X {
    const cell = (value: string | string[], col: number, head: boolean, bold: boolean) => {
      const style = head ? "Table_20_Heading" : options.rightAligned?.includes(col) ? (bold ? "P_cell_right_bold" : "P_cell_right") : bold ? "P_cell_bold" : "Table_20_Contents";
      const lines = typeof value === "string" ? [value] : value.length ? value : [""];
      return el("table:table-cell", { "table:style-name": head ? "CellH" : "Cell", "office:value-type": "string" }, lines.map((l) => this.text(style, l)));
    };
    return this.tableShell(
      header.length,
      widths,
      [el("table:table-row", null, header.map((h, i) => cell(h, i, true, false)))],
      rows.map((r, ri) => el("table:table-row", null, r.map((v, i) => cell(v, i, false, !!options.boldLastRow && ri === rows.length - 1)))),
    );
  }

  facts(rows: Row[]): X[] {
    return rows.length ? [this.table(["Angabe", "Inhalt"], rows.map((r) => [r.label, r.value]), [1, 2])] : [];
  }

  measure(m: PdfMeasure): X[] {
    const out: X[] = [this.heading(4, `${m.number} ${m.title}`)];
    if (m.description) out.push(...this.rich(m.description, 5));
    out.push(...this.facts(m.facts));
    if (m.funding.length) {
      const rows = m.funding.map((f) => [f.source, f.programme, f.amount, f.until]);
      if (m.fundingTotal) rows.push(["Summe", "", m.fundingTotal, ""]);
      out.push(this.table(["Förderquelle", "Programm", "Betrag", "bis"], rows, [3, 4, 2, 2], { rightAligned: [2], boldLastRow: !!m.fundingTotal }));
    }
    if (m.indicators.length) {
      const rows = m.indicators.map((x) => [x.name, x.kind, `${x.baseline} → ${x.target}`, x.unit, [x.dataSource, x.cadence].filter(Boolean).join(", ")]);
      out.push(this.table(["Indikator", "Art", "Basiswert → Zielwert", "Einheit", "Datenquelle, Turnus"], rows, [4, 2, 3, 2, 4]));
    }
    return out;
  }

  indicatorOverview(rows: PdfIndicatorRow[]): X[] {
    return [this.table(INDICATOR_OVERVIEW_COLUMNS, rows.map((r) => [r.measure, r.name, r.kind, r.unit, r.range, r.dataSource, r.cadence]), [4, 4, 2, 2, 3, 3, 2])];
  }

  /** The goal tree as nested bulleted lists: sub-goal → measure → indicator. */
  goalTree(t: PdfGoalTree): X[] {
    const list = (items: X[]) => el("text:list", { "text:style-name": "L_bullet" }, items);
    const item = (p: X, sub: X[] = []) => el("text:list-item", null, p, sub.length ? list(sub) : null);
    const bold = this.span({ bold: true, italic: false, underline: false, strike: false })!;
    const branches = t.branches.map((b) =>
      item(b.subGoal ? this.p("Text_20_body", el("text:span", { "text:style-name": bold }, odfText(b.head))) : this.text("P_italic", b.head), [
        ...(b.note ? [item(this.muted(b.note))] : []),
        ...b.measures.map((m) => item(this.text("Text_20_body", m.measure), m.indicators.map((x) => item(this.text("Text_20_body", x))))),
      ]),
    );
    return [
      ...(t.goal ? [this.p("Text_20_body", el("text:span", { "text:style-name": bold }, { "#text": "Leitziel: " }), ...odfText(t.goal))] : []),
      list(branches),
    ];
  }

  funding(f: PdfFunding): X[] {
    // The same tables as the concept page, the print preview and the PDF (lib/funding/view.ts).
    const table = (t: PdfFunding["tables"][number]) => [
      this.muted(t.caption),
      this.table(
        t.columns.map((c) => c.label),
        t.rows.map((r) => r.cells),
        t.columns.map((_, i) => (i === 0 ? 4 : 2)),
        { rightAligned: t.columns.flatMap((c, i) => (c.numeric ? [i] : [])), boldLastRow: !!t.rows[t.rows.length - 1]?.total },
      ),
      this.p("Text_20_body"),
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

  chapter(ch: PdfChapter): X[] {
    const out: X[] = [this.heading(1, `${ch.number} ${ch.title}`, "P_chapter")];
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
        this.p("Text_20_body"),
      );
    }
    for (const f of ch.fields) {
      out.push(this.heading(2, `${f.number} ${f.title}`));
      for (const p of f.parts) {
        out.push(this.heading(3, p.title));
        if (p.kind === "richText") out.push(...(p.doc ? this.rich(p.doc, 4) : [this.muted("Kein Text.")]));
        else if (p.kind === "subGoals")
          out.push(
            p.items.length
              ? el("text:list", { "text:style-name": "L_number" }, p.items.map((t) => el("text:list-item", null, this.text("Text_20_body", t))))
              : this.muted("Keine Teilziele."),
          );
        else if (p.kind === "indicatorOverview") out.push(...this.indicatorOverview(p.rows));
        else if (p.kind === "goalTree") out.push(...this.goalTree(p.tree));
        else out.push(...(p.items.length ? p.items.flatMap((m) => this.measure(m)) : [this.muted("Keine Maßnahmen.")]));
      }
    }
    return out;
  }

  annexes(model: PdfModel): X[] {
    const out: X[] = [];
    if (model.history) {
      out.push(this.heading(1, "Anhang: Versionsverlauf", "P_chapter"));
      out.push(
        model.history.length
          ? this.table(["Nr.", "Bezeichnung", "Status", "Datum", "Erstellt von"], model.history.map((h) => [h.number, h.label, h.status, h.date, h.author]), [1, 5, 3, 2, 3])
          : this.muted("Es gibt noch keine gespeicherten Fassungen."),
      );
    }
    if (model.comments) {
      out.push(this.heading(1, "Anhang: Offene Kommentare", "P_chapter"));
      if (!model.comments.length) out.push(this.muted("Es gibt keine offenen Kommentare."));
      for (const c of model.comments) {
        out.push(this.text("P_bold", c.place));
        if (c.quote) out.push(c.removed ? this.text("P_italic", `Textstelle entfernt: „${c.quote}“`) : this.text("Quotations", c.quote));
        for (const e of c.entries) out.push(this.p("Text_20_body", el("text:span", { "text:style-name": this.span({ bold: true, italic: false, underline: false, strike: false })! }, odfText(e.author)), ...odfText(` (${e.date}): ${e.text}`)));
      }
    }
    // ODT writes no tracked changes (text:tracked-changes): the text stands without open proposals; the annex lists them when asked.
    if (model.suggestions) {
      out.push(this.heading(1, "Anhang: Offene Änderungsvorschläge", "P_chapter"));
      if (!model.suggestions.length) out.push(this.muted("Es gibt keine offenen Änderungsvorschläge."));
      for (const s of model.suggestions) {
        out.push(this.text("P_bold", s.place));
        const what = [s.deleted ? `Streichen: „${s.deleted}“` : "", s.inserted ? `Einfügen: „${s.inserted}“` : ""].filter(Boolean).join(" · ");
        out.push(this.p("Text_20_body", el("text:span", { "text:style-name": this.span({ bold: true, italic: false, underline: false, strike: false })! }, odfText(s.author)), ...odfText(`${s.date ? ` (${s.date})` : ""}: ${what}`)));
      }
    }
    return out;
  }

  /** The table of contents: a real index LibreOffice updates, filled with the chapters and fields of action (pages come on update). */
  toc(model: PdfModel): X {
    const template = (level: number) =>
      el(
        "text:table-of-content-entry-template",
        { "text:outline-level": level, "text:style-name": `Contents_20_${level}` },
        el("text:index-entry-link-start", { "text:style-name": "Index_20_Link" }),
        el("text:index-entry-text", null),
        el("text:index-entry-tab-stop", { "style:type": "right", "style:leader-char": "." }),
        el("text:index-entry-page-number", null),
        el("text:index-entry-link-end", null),
      );
    const entries = model.chapters.flatMap((ch) => [
      this.text("Contents_20_1", `${ch.number} ${ch.title}`),
      ...ch.fields.map((f) => this.text("Contents_20_2", `${f.number} ${f.title}`)),
    ]);
    return el(
      "text:table-of-content",
      { "text:style-name": "Sect_toc", "text:protected": "true", "text:name": "Inhaltsverzeichnis" },
      el(
        "text:table-of-content-source",
        { "text:outline-level": 2, "text:use-index-marks": "false" },
        el("text:index-title-template", { "text:style-name": "Contents_20_Heading" }, { "#text": "Inhalt" }),
        template(1),
        template(2),
      ),
      el(
        "text:index-body",
        null,
        el("text:index-title", { "text:style-name": "Sect_toc", "text:name": "Inhaltsverzeichnis_Head" }, this.text("Contents_20_Heading", "Inhalt")),
        entries,
      ),
    );
  }

  cover(model: PdfModel): X[] {
    const { meta } = model;
    const line = (label: string, value: string, bold = false) =>
      this.p("P_cover_row", { "#text": label }, el("text:tab", null), bold ? el("text:span", { "text:style-name": this.span({ bold: true, italic: false, underline: false, strike: false })! }, odfText(value)) : odfText(value));
    return [
      this.text("P_cover_municipality", meta.municipality),
      this.text("Title", "Integrationskonzept"),
      this.text("P_cover_title", meta.title),
      this.text("P_muted", "Angaben zum Dokument"),
      line("Status", meta.status, true),
      line("Fassung", meta.version),
      line("Stand", meta.date),
    ];
  }
}


function contentXml(model: PdfModel): string {
  const w = new Writer();
  const body = [...w.cover(model), w.toc(model), ...model.chapters.flatMap((ch) => w.chapter(ch)), ...w.annexes(model)];
  const cellBorder = "0.5pt solid #999999";
  const automatic = [
    paraStyle("P_chapter", null, "Heading_20_1", { "fo:break-before": "page" }, null),
    paraStyle("P_muted", null, "Text_20_body", null, { "fo:font-style": "italic", "fo:color": MUTED }),
    paraStyle("P_bold", null, "Text_20_body", null, { "fo:font-weight": "bold" }),
    paraStyle("P_italic", null, "Text_20_body", null, { "fo:font-style": "italic" }),
    paraStyle("P_cell_right", null, "Table_20_Contents", { "fo:text-align": "end" }, null),
    paraStyle("P_cell_bold", null, "Table_20_Contents", null, { "fo:font-weight": "bold" }),
    paraStyle("P_cell_right_bold", null, "Table_20_Contents", { "fo:text-align": "end" }, { "fo:font-weight": "bold" }),
    paraStyle("P_cover_municipality", null, "Standard", { "fo:margin-top": "4cm", "fo:margin-bottom": "0.3cm" }, { "fo:font-size": "13pt", "fo:color": "#4d4d4d" }),
    paraStyle("P_cover_title", null, "Standard", { "fo:margin-bottom": "1.6cm" }, { "fo:font-size": "17pt" }),
    paraStyle("P_cover_row", null, "Standard", { "fo:margin-bottom": "0.1cm" }, null, {}, el("style:tab-stops", null, el("style:tab-stop", { "style:position": "3cm" }))),
    el("style:style", { "style:name": "Sect_toc", "style:family": "section" }, el("style:section-properties", { "fo:break-before": "page", "style:editable": "false" })),
    el("style:style", { "style:name": "Tbl", "style:family": "table" }, el("style:table-properties", { "style:width": `${TEXT_WIDTH_CM}cm`, "table:align": "margins", "fo:margin-top": "0.1cm", "fo:margin-bottom": "0.3cm" })),
    el("style:style", { "style:name": "Cell", "style:family": "table-cell" }, el("style:table-cell-properties", { "fo:padding": "0.1cm", "fo:border": cellBorder })),
    el("style:style", { "style:name": "CellH", "style:family": "table-cell" }, el("style:table-cell-properties", { "fo:padding": "0.1cm", "fo:border": cellBorder, "fo:background-color": "#ebebeb" })),
    ...[...w.columnWidths].map((permille) =>
      el("style:style", { "style:name": `Col_${permille}`, "style:family": "table-column" }, el("style:table-column-properties", { "style:column-width": `${((TEXT_WIDTH_CM * permille) / 1000).toFixed(3)}cm`, "style:rel-width": `${permille}*` })),
    ),
    listStyle("L_bullet", "bullet"),
    listStyle("L_number", "number"),
    ...w.spanStyleNodes(),
    ...w.alignedStyleNodes(),
  ];
  return xml(el("office:document-content", NS, el("office:automatic-styles", null, automatic), el("office:body", null, el("office:text", null, body))));
}

function metaXml(meta: PdfModel["meta"]): string {
  return xml(
    el(
      "office:document-meta",
      NS,
      el(
        "office:meta",
        null,
        el("meta:generator", null, { "#text": "Konzeptwerk" }),
        el("dc:title", null, { "#text": xmlText(meta.documentTitle) }),
        el("dc:subject", null, { "#text": "Integrationskonzept" }),
        el("meta:initial-creator", null, { "#text": xmlText(meta.municipality) }),
        el("dc:language", null, { "#text": "de-DE" }),
        el("meta:keyword", null, { "#text": "Integrationskonzept" }),
      ),
    ),
  );
}

const MANIFEST = xml(
  el(
    "manifest:manifest",
    { "xmlns:manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", "manifest:version": "1.3" },
    el("manifest:file-entry", { "manifest:full-path": "/", "manifest:version": "1.3", "manifest:media-type": ODT_MIMETYPE }),
    ["content.xml", "styles.xml", "meta.xml"].map((f) => el("manifest:file-entry", { "manifest:full-path": f, "manifest:media-type": "text/xml" })),
  ),
);

/** The document as .odt bytes (a zip package whose first entry is the stored `mimetype`). */
export function renderOdt(model: PdfModel): Uint8Array {
  const mtime = new Date("2000-01-01T00:00:00Z");
  return zipSync(
    {
      // Must be the first entry, uncompressed, so tools recognise the package by its first bytes.
      mimetype: [strToU8(ODT_MIMETYPE), { level: 0, mtime }],
      "META-INF/manifest.xml": [strToU8(MANIFEST), { level: 6, mtime }],
      "styles.xml": [strToU8(stylesXml(model.meta)), { level: 6, mtime }],
      "meta.xml": [strToU8(metaXml(model.meta)), { level: 6, mtime }],
      "content.xml": [strToU8(contentXml(model)), { level: 6, mtime }],
    },
  );
}
