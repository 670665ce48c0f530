/**
 * PdfModel → OpenDocument Text 1.3 (.odt): the same model as the PDF, the
 * print preview and the DOCX. XML is written with fast-xml-parser's builder
 * (it escapes every text and attribute), the package with fflate: the
 * `mimetype` entry first and stored, then the manifest, styles, meta and
 * content. Headings use LibreOffice's built-in styles ("Heading 1" …) with
 * outline levels, so the navigator and the table of contents work.
 */
import type { JSONContent } from "@tiptap/core";
import { XMLBuilder } from "fast-xml-parser";
import { strToU8, zipSync } from "fflate";
import type { PdfChapter, PdfFunding, PdfMeasure, PdfModel, Row } from "@/lib/pdf/model";
import { alignmentOf, children, tableGrid, xmlText, type Alignment } from "./text";

export const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

/** One node of the builder's ordered form: `{ name: [children], ":@": { "@_attr": value } }` or `{ "#text": … }`. */
type X = Record<string, unknown>;

const el = (name: string, attrs: Record<string, string | number | undefined> | null, ...kids: (X | X[] | null | undefined | false)[]): X => {
  const flat = kids.flat(2).filter(Boolean);
  // A stray nested array would be written as <0>…</0>: refuse it here, not in LibreOffice.
  if (flat.some((k) => Array.isArray(k))) throw new Error(`ODT: nested children in <${name}>`);
  const node: X = { [name]: flat };
  if (attrs) {
    const a: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) a[`@_${k}`] = String(v);
    node[":@"] = a;
  }
  return node;
};

/**
 * User text as ODF inline content: ODF collapses runs of spaces, so the second
 * and later spaces become <text:s/>, tabs <text:tab/>, line feeds <text:line-break/>.
 */
export function odfText(value: string): X[] {
  const out: X[] = [];
  const re = /( {2,})|(\t)|(\n)/g;
  const s = xmlText(value);
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ "#text": s.slice(last, m.index) });
    if (m[1]) out.push({ "#text": " " }, el("text:s", { "text:c": m[1].length - 1 }));
    else if (m[2]) out.push(el("text:tab", null));
    else out.push(el("text:line-break", null));
    last = re.lastIndex;
  }
  if (last < s.length) out.push({ "#text": s.slice(last) });
  return out;
}

const NS = {
  "xmlns:office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
  "xmlns:style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
  "xmlns:text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
  "xmlns:table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
  "xmlns:fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
  "xmlns:svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
  "xmlns:xlink": "http://www.w3.org/1999/xlink",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
  "office:version": "1.3",
};

const ACCENT = "#1f4e79";
const MUTED = "#595959";
const TEXT_WIDTH_CM = 16.3;

const xml = (root: X) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: true }).build([root]);

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

const paraStyle = (name: string, display: string | null, parent: string | null, para: Record<string, string | undefined> | null, text: Record<string, string | undefined> | null, extra: Record<string, string> = {}, ...kids: X[]) =>
  el(
    "style:style",
    { "style:name": name, "style:display-name": display ?? undefined, "style:family": "paragraph", "style:parent-style-name": parent ?? undefined, ...extra },
    para ? el("style:paragraph-properties", para, kids) : null,
    text ? el("style:text-properties", text) : null,
  );

const HEADING_SIZES = ["17pt", "13.5pt", "11.5pt", "10.5pt", "10pt", "10pt"];

function stylesXml(meta: PdfModel["meta"]): string {
  const tabRight = el("style:tab-stops", null, el("style:tab-stop", { "style:position": `${TEXT_WIDTH_CM}cm`, "style:type": "right" }));
  const tocTabs = el("style:tab-stops", null, el("style:tab-stop", { "style:position": `${TEXT_WIDTH_CM}cm`, "style:type": "right", "style:leader-style": "dotted", "style:leader-text": "." }));
  const small = { "fo:font-size": "8.5pt", "fo:color": "#595959" };
  const mark = meta.draft ? [el("text:span", { "text:style-name": "T_mark" }, { "#text": "ENTWURF · " })] : [];
  const outline = el(
    "text:outline-style",
    { "style:name": "Outline" },
    Array.from({ length: 10 }, (_, i) => el("text:outline-level-style", { "text:level": i + 1, "style:num-format": "" })),
  );
  return xml(
    el(
      "office:document-styles",
      NS,
      el("office:font-face-decls", null,
        el("style:font-face", { "style:name": "Liberation Sans", "svg:font-family": "'Liberation Sans'", "style:font-family-generic": "swiss", "style:font-pitch": "variable" }),
      ),
      el(
        "office:styles",
        null,
        el("style:default-style", { "style:family": "paragraph" },
          el("style:paragraph-properties", { "fo:hyphenation-ladder-count": "no-limit", "style:writing-mode": "page" }),
          el("style:text-properties", { "style:font-name": "Liberation Sans", "fo:font-size": "10pt", "fo:language": "de", "fo:country": "DE", "fo:hyphenate": "true", "fo:hyphenation-remain-char-count": "2", "fo:hyphenation-push-char-count": "2" }),
        ),
        el("style:default-style", { "style:family": "table-cell" }, el("style:text-properties", { "fo:language": "de", "fo:country": "DE" })),
        paraStyle("Standard", null, null, null, null, { "style:class": "text" }),
        paraStyle("Text_20_body", "Text body", "Standard", { "fo:margin-top": "0cm", "fo:margin-bottom": "0.21cm", "fo:line-height": "115%" }, null, { "style:class": "text" }),
        paraStyle("Heading", null, "Standard", { "fo:margin-top": "0.42cm", "fo:margin-bottom": "0.21cm", "fo:keep-with-next": "always", "fo:text-align": "start" }, { "fo:font-weight": "bold", "fo:color": ACCENT }, { "style:next-style-name": "Text_20_body", "style:class": "text" }),
        HEADING_SIZES.map((size, i) =>
          paraStyle(`Heading_20_${i + 1}`, `Heading ${i + 1}`, "Heading", null, { "fo:font-size": size, "fo:font-style": i >= 4 ? "italic" : undefined }, {
            "style:next-style-name": "Text_20_body",
            "style:default-outline-level": String(i + 1),
            "style:class": "text",
          }),
        ),
        paraStyle("Title", null, "Heading", { "fo:text-align": "start" }, { "fo:font-size": "26pt" }, { "style:class": "chapter" }),
        paraStyle("Quotations", null, "Standard", { "fo:margin-left": "1cm", "fo:margin-right": "1cm", "fo:margin-bottom": "0.21cm" }, { "fo:font-style": "italic" }, { "style:class": "html" }),
        paraStyle("Table_20_Contents", "Table Contents", "Standard", null, { "fo:font-size": "9pt" }, { "style:class": "extra" }),
        paraStyle("Table_20_Heading", "Table Heading", "Table_20_Contents", null, { "fo:font-weight": "bold" }, { "style:class": "extra" }),
        paraStyle("Header", null, "Standard", {}, small, { "style:class": "extra" }, tabRight),
        paraStyle("Footer", null, "Standard", {}, small, { "style:class": "extra" }, tabRight),
        paraStyle("Contents_20_Heading", "Contents Heading", "Heading", null, { "fo:font-size": "17pt" }, { "style:class": "index" }),
        paraStyle("Contents_20_1", "Contents 1", "Standard", { "fo:margin-bottom": "0.1cm" }, { "fo:font-weight": "bold" }, { "style:class": "index" }, tocTabs),
        paraStyle("Contents_20_2", "Contents 2", "Standard", { "fo:margin-left": "0.5cm", "fo:margin-bottom": "0.1cm" }, null, { "style:class": "index" }, tocTabs),
        el("style:style", { "style:name": "Internet_20_link", "style:display-name": "Internet link", "style:family": "text" },
          el("style:text-properties", { "fo:color": ACCENT, "style:text-underline-style": "solid", "style:text-underline-width": "auto", "style:text-underline-color": "font-color" }),
        ),
        el("style:style", { "style:name": "Visited_20_Internet_20_Link", "style:display-name": "Visited Internet Link", "style:family": "text" },
          el("style:text-properties", { "fo:color": ACCENT, "style:text-underline-style": "solid", "style:text-underline-width": "auto", "style:text-underline-color": "font-color" }),
        ),
        el("style:style", { "style:name": "Index_20_Link", "style:display-name": "Index Link", "style:family": "text" }),
        outline,
      ),
      el(
        "office:automatic-styles",
        null,
        el("style:page-layout", { "style:name": "pm1" },
          el("style:page-layout-properties", { "fo:page-width": "21cm", "fo:page-height": "29.7cm", "style:print-orientation": "portrait", "fo:margin-top": "1.3cm", "fo:margin-bottom": "1.2cm", "fo:margin-left": "2.5cm", "fo:margin-right": "2.2cm" }),
          el("style:header-style", null, el("style:header-footer-properties", { "fo:min-height": "0cm", "fo:margin-bottom": "0.5cm", "fo:border-bottom": "0.5pt solid #b3b3b3", "fo:padding-bottom": "0.1cm" })),
          el("style:footer-style", null, el("style:header-footer-properties", { "fo:min-height": "0cm", "fo:margin-top": "0.5cm" })),
        ),
        el("style:style", { "style:name": "T_mark", "style:family": "text" }, el("style:text-properties", { "fo:font-weight": "bold" })),
      ),
      el(
        "office:master-styles",
        null,
        el(
          "style:master-page",
          { "style:name": "Standard", "style:page-layout-name": "pm1" },
          el("style:header", null, el("text:p", { "text:style-name": "Header" }, mark, odfText(meta.title), el("text:tab", null), odfText(meta.municipality))),
          el(
            "style:footer",
            null,
            el(
              "text:p",
              { "text:style-name": "Footer" },
              mark,
              odfText(`${meta.version} · ${meta.date}`),
              el("text:tab", null),
              { "#text": "Seite " },
              el("text:page-number", { "text:select-page": "current" }, { "#text": "1" }),
              { "#text": " von " },
              el("text:page-count", null, { "#text": "1" }),
            ),
          ),
        ),
      ),
    ),
  );
}

function listStyle(name: string, kind: "bullet" | "number"): X {
  return el(
    "text:list-style",
    { "style:name": name },
    Array.from({ length: 10 }, (_, i) => {
      const props = el(
        "style:list-level-properties",
        { "text:list-level-position-and-space-mode": "label-alignment" },
        el("style:list-level-label-alignment", { "text:label-followed-by": "listtab", "text:list-tab-stop-position": `${0.64 * (i + 1)}cm`, "fo:text-indent": "-0.64cm", "fo:margin-left": `${0.64 * (i + 1)}cm` }),
      );
      return kind === "bullet"
        ? el("text:list-level-style-bullet", { "text:level": i + 1, "text:bullet-char": ["•", "◦", "▪"][i % 3] }, props)
        : el("text:list-level-style-number", { "text:level": i + 1, "style:num-suffix": ".", "style:num-format": ["1", "a", "i"][i % 3] }, props);
    }),
  );
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
        el("dc:title", null, odfText(meta.documentTitle)),
        el("dc:subject", null, { "#text": "Integrationskonzept" }),
        el("meta:initial-creator", null, odfText(meta.municipality)),
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
