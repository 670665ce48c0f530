/**
 * Small helpers both office renderers (DOCX, ODT) share: text that XML can
 * carry, and the cell grid of an editor table (colspan/rowspan resolved), so
 * both formats lay out the same rows and columns.
 */
import type { JSONContent } from "@tiptap/core";
import { storedAlignment, type StoredAlignment } from "@/lib/editor/extensions/text-align";

/**
 * Text an XML 1.0 document can hold: control characters other than tab and
 * line feed, lone surrogates and U+FFFE/U+FFFF are dropped (live rows are
 * checked on save, old ones and snapshots may still carry them).
 */
export function xmlText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

export type Alignment = StoredAlignment;

/** A paragraph's, heading's or cell's stored alignment (attrs.textAlign); null is the default, left. */
export const alignmentOf = (node: JSONContent | null | undefined): Alignment | null => storedAlignment(node?.attrs?.textAlign);

export const children = (node: JSONContent | null | undefined): JSONContent[] => (Array.isArray(node?.content) ? node.content : []);

const span = (value: unknown) => (typeof value === "number" && Number.isInteger(value) && value > 1 ? Math.min(value, 50) : 1);

export type GridCell = { node: JSONContent; header: boolean; colspan: number; rowspan: number; column: number };

/**
 * An editor table as rows of placed cells: each cell knows its first column,
 * taking the cells of earlier rows that span down into account. `columns` is
 * the width of the widest row; `headerRow` is true when the first row consists
 * of header cells only (then it repeats on every page).
 */
export function tableGrid(table: JSONContent): { rows: GridCell[][]; columns: number; headerRow: boolean } {
  const taken: number[] = []; // rows still covered, per column
  const rows = children(table).map((row) => {
    const placed: GridCell[] = [];
    let column = 0;
    for (const cell of children(row)) {
      while ((taken[column] ?? 0) > 0) column++;
      const colspan = span(cell.attrs?.colspan);
      const rowspan = span(cell.attrs?.rowspan);
      placed.push({ node: cell, header: cell.type === "tableHeader", colspan, rowspan, column });
      for (let c = column; c < column + colspan; c++) taken[c] = rowspan;
      column += colspan;
    }
    for (let c = 0; c < taken.length; c++) if ((taken[c] ?? 0) > 0) taken[c]! -= 1;
    return placed;
  });
  const columns = Math.max(1, ...rows.map((r) => r.reduce((w, c) => Math.max(w, c.column + c.colspan), 0)));
  const first = rows[0] ?? [];
  return { rows, columns, headerRow: first.length > 0 && first.every((c) => c.header) };
}
