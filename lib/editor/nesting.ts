/**
 * How deeply rich text may nest, checked without recursion (the input is
 * untrusted; a recursive walk over 100,000 levels overflows the stack).
 *
 * Measured (2026-12-02, Typst 0.7 compiler of this app, prosemirror-changeset):
 * 12 levels of lists, quotes or tables, also mixed and inside a measure
 * description, print in both PDFs (concept ≈ 0.1 s, Synopse ≤ 0.1 s) and
 * compare in ≤ 20 ms; 16 nested quotes already break Typst ("maximum show rule
 * depth exceeded"), 32 nested lists break its JSON reader, and 24 nested lists
 * take the Synopse 3 s. Word offers 9 list levels; 12 leaves room for a list
 * inside a table inside a quote.
 */

/** Most levels of lists, quotes and tables inside each other. */
export const MAX_NESTING = 12;

/** What a user is told when a text is nested deeper (the same sentence for every way in: save, real time, import). */
export const TOO_DEEP_MESSAGE = `Der Text ist zu tief verschachtelt (höchstens ${MAX_NESTING} Ebenen aus Listen, Zitaten und Tabellen ineinander). Bitte die Gliederung flacher anlegen.`;

/** Nodes that open a level the reader sees (a list item, row or cell belongs to its list or table). */
export const LEVEL_NODES: ReadonlySet<string> = new Set(["blockquote", "bulletList", "orderedList", "table"]);

/**
 * Bound on the raw JSON nesting as well: a table level is six JSON levels
 * (table, rows, row, cells, cell, content), a paragraph with marked text adds
 * about eight. Whatever is deeper cannot be a document of at most MAX_NESTING
 * levels, and Typst's JSON reader stops at 128 for the whole PDF model.
 */
export const MAX_JSON_DEPTH = 6 * MAX_NESTING + 16;

export type NestingCheck = { ok: true; levels: number } | { ok: false; levels: number };

/**
 * The deepest level of lists, quotes and tables in a Tiptap JSON value (any
 * value: garbage is walked as far as the bounds allow). Explicit stack; stops
 * as soon as a bound is exceeded.
 */
export function checkNesting(input: unknown): NestingCheck {
  const stack: { value: unknown; json: number; levels: number }[] = [{ value: input, json: 0, levels: 0 }];
  let deepest = 0;
  while (stack.length > 0) {
    const { value, json, levels } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    const type = Array.isArray(value) ? null : (value as { type?: unknown }).type;
    const here = typeof type === "string" && LEVEL_NODES.has(type) ? levels + 1 : levels;
    deepest = Math.max(deepest, here);
    if (here > MAX_NESTING || json + 1 > MAX_JSON_DEPTH) return { ok: false, levels: here };
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (child !== null && typeof child === "object") stack.push({ value: child, json: json + 1, levels: here });
    }
  }
  return { ok: true, levels: deepest };
}
