/**
 * Generators of hostile input: strings from every Unicode category (with control
 * characters, lone surrogates, bidi controls, full-width look-alikes and very
 * long words), Tiptap documents that are valid, slightly wrong or broken, and
 * link targets as attackers write them.
 */
import fc from "fast-check";
import type { JSONContent } from "@tiptap/core";

/** Single characters that broke or could break something (each named for the report). */
export const HOSTILE_CHARS = [
  "\u0000", // NUL: PostgreSQL cannot store it
  "\u0001",
  "\u0007",
  "\u0008",
  "\t",
  "\n",
  "\r",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u007f",
  "\u0085", // NEL
  "\u009f",
  "\u00a0", // no-break space
  "\u00ad", // soft hyphen
  "\u034f", // combining grapheme joiner
  "\u061c", // Arabic letter mark
  "\u180e",
  "\u200b", // zero-width space
  "\u200c",
  "\u200d",
  "\u200e", // LRM
  "\u200f", // RLM
  "\u2028", // line separator
  "\u2029", // paragraph separator
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e", // RIGHT-TO-LEFT OVERRIDE
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u2060",
  "\ufeff", // BOM
  "\ufff9",
  "\ufffc",
  "\ufffd",
  "\uffff",
  "\ud800", // lone high surrogate
  "\udfff", // lone low surrogate
  "\ud83d", // half an emoji
  "\uff1d", // full-width =
  "\uff0b", // full-width +
  "\uff0d", // full-width -
  "\uff20", // full-width @
  "\ufe62", // small +
  "\u2212", // minus sign
  "\u0301", // combining acute
  "\u{1f600}", // emoji (outside the PDF fonts)
  "\u{1f3f3}\u{fe0f}\u200d\u{1f308}", // ZWJ sequence
  "\u{e0001}", // language tag
  "\u{10ffff}",
  "ß",
  "ẞ",
  "İ",
  "ﬃ",
  "\u05d0", // Hebrew
  "\u0627", // Arabic
  "<",
  ">",
  "&",
  '"',
  "'",
  "`",
  "\\",
  "$",
  "#",
  "@",
  "*",
  "_",
  "=",
  "+",
  "-",
  "[",
  "]",
  "{",
  "}",
] as const;

/** Strings attackers and broken copy-and-paste produce, as whole pieces. */
const HOSTILE_PIECES = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "=HYPERLINK(\"http://evil.example\")",
  "\uff1d1+1",
  "#set page(width: 1pt)",
  '#import "/etc/passwd"',
  "\\u0000",
  "%00",
  "../../etc/passwd",
  "${7*7}",
  "{{7*7}}",
  "'; drop table concepts; --",
  "\u202egnp.exe",
  "\u2067שלום\u2069",
  "@Vorname Nachname",
  "*Wort*",
  "_Wort_",
  "2026-02-30",
  "0000-00-00",
  "1e309",
  "-0",
  "NaN",
  "__proto__",
  "constructor",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a",
];

/** A string of any code points (lone surrogates included), of the whole BMP, or of printable ASCII. */
const anyChars = (maxLength: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength }) },
    { weight: 2, arbitrary: fc.string({ maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS), maxLength }) },
  );

/** A very long unbroken word (up to 60,000 characters: the 58,000-character finding). */
const longWord = fc
  .tuple(fc.constantFrom("a", "W", "ẞ", "\u{1f600}", "-", "_", "x\u00ad"), fc.integer({ min: 200, max: 60_000 }))
  .map(([c, n]) => c.repeat(Math.ceil(n / c.length)));

/** A string from every kind of source: words, any characters, hostile pieces, long words, all mixed. */
export function hostileString(opts: { maxLength?: number; long?: boolean } = {}): fc.Arbitrary<string> {
  const maxLength = opts.maxLength ?? 40;
  const piece = fc.oneof(
    { weight: 4, arbitrary: anyChars(maxLength) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_CHARS) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
    { weight: 2, arbitrary: fc.constantFrom("Sprachcafé", "Integrationsbüro", "Maßnahme", "Straße", "Ausländerbehörde", "Wohnungslosenhilfe") },
    { weight: opts.long ? 1 : 0, arbitrary: longWord },
  );
  return fc.array(piece, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(""));
}

/** Link targets: allowed ones, obfuscated javascript:, data:, protocol-relative, overlong. */
export const hostileHref = fc.oneof(
  fc.constantFrom(
    "https://www.musterstadt.de/integration",
    "http://example.org/a?b=c#d",
    "mailto:integration@musterstadt.de",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    " javascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "#anker",
    "relative/path",
    "",
    "h\u0000ttps://x",
    "https://\u202eelpmaxe.evil",
    `https://example.org/${"a".repeat(3000)}`,
  ),
  hostileString({ maxLength: 30 }),
  fc.webUrl(),
);

const textNode = fc
  .record(
    {
      text: fc.oneof({ weight: 5, arbitrary: hostileString({ maxLength: 30 }) }, { weight: 1, arbitrary: hostileString({ long: true }) }),
      marks: fc.array(
        fc.oneof(
          fc.constant({ type: "bold" }),
          fc.constant({ type: "italic" }),
          fc.constant({ type: "strike" }),
          fc.constant({ type: "underline" }),
          hostileHref.map((href) => ({ type: "link", attrs: { href } })),
          fc.constantFrom({ type: "code" }, { type: "highlight" }, { type: "link" }, { type: "link", attrs: { href: 42 } }, { type: "bold", attrs: { x: "<b>" } }),
        ),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ["text"] },
  )
  .map(({ text, marks }) => ({ type: "text", text, ...(marks && marks.length ? { marks } : {}) }) as JSONContent);

/** A paragraph's alignment: mostly none, the four the editor knows, and some it refuses. */
const alignment = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>("center", "right", "justify", "left", null) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("middle", "", "CENTER", 42, { x: 1 }, "<b>", "\u202ecenter") },
);

/** The editor's nodes, each with the odd wrong attribute or empty content. */
const nodes = fc.letrec<{ block: JSONContent; inline: JSONContent[] }>((tie) => ({
  inline: fc.array(fc.oneof({ weight: 6, arbitrary: textNode }, { weight: 1, arbitrary: fc.constant({ type: "hardBreak" }) }), { maxLength: 4 }),
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    {
      weight: 5,
      arbitrary: fc
        .tuple(tie("inline"), alignment)
        .map(([content, textAlign]) => ({ type: "paragraph", ...(textAlign === undefined ? {} : { attrs: { textAlign } }), ...(content.length ? { content } : {}) }) as JSONContent),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom<unknown>(3, 4, 3, 4, 1, 2, 5, 6, 7, 0, -1, "3", null, 3.5), tie("inline"))
        .map(([level, content]) => ({ type: "heading", attrs: { level }, ...(content.length ? { content } : {}) }) as JSONContent),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("bulletList", "orderedList"), fc.array(fc.array(tie("block"), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }))
        .map(([type, items]) => ({ type, content: items.map((content) => ({ type: "listItem", content })) })),
    },
    { weight: 1, arbitrary: fc.array(tie("block"), { minLength: 1, maxLength: 2 }).map((content) => ({ type: "blockquote", content })) },
    {
      weight: 1,
      arbitrary: fc.array(fc.array(tie("inline"), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => ({
        type: "table",
        content: rows.map((cells, r) => ({
          type: "tableRow",
          content: cells.map((content) => ({ type: r === 0 ? "tableHeader" : "tableCell", content: [{ type: "paragraph", ...(content.length ? { content } : {}) }] })),
        })),
      })),
    },
  ),
}));

/** Documents built from the editor's nodes (mostly valid, some with a wrong attribute or mark). */
export const validishDoc: fc.Arbitrary<JSONContent> = fc.array(nodes.block, { minLength: 1, maxLength: 4 }).map((content) => ({ type: "doc", content }));

/** Broken documents: unknown nodes, wrong shapes, wrong types, empty text, deep nesting, huge text. */
export const brokenDoc: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    "doc",
    42,
    [],
    {},
    { type: "doc" },
    { type: "doc", content: [] },
    { type: "doc", content: "Text" },
    { type: "doc", content: [null] },
    { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "" }] }] },
    { type: "doc", content: [{ type: "paragraph", content: [{ type: "text" }] }] },
    { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: 42 }] }] },
    { type: "doc", content: [{ type: "text", text: "Text ohne Absatz" }] },
    { type: "doc", content: [{ type: "image", attrs: { src: "javascript:alert(1)" } }] },
    { type: "doc", content: [{ type: "codeBlock", content: [{ type: "text", text: "x" }] }] },
    { type: "doc", content: [{ type: "paragraph", content: [{ type: "paragraph" }] }] },
    { type: "doc", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
    { type: "doc", content: [{ type: "table", content: [{ type: "paragraph" }] }] },
    { type: "doc", content: [{ type: "paragraph", marks: [{ type: "bold" }] }] },
    { type: "doc", content: [{ type: "paragraph", attrs: { style: "x" }, content: [{ type: "text", text: "x", marks: [{ type: "nope" }] }] }] },
    { type: "doc", content: [{ type: "__proto__" }] },
    { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a", marks: "bold" }] }] },
  ),
  fc.record({ type: fc.constant("doc"), content: fc.array(fc.record({ type: hostileString({ maxLength: 12 }), content: fc.constant([]) }), { maxLength: 3 }) }),
  fc.record({ type: hostileString({ maxLength: 8 }), content: fc.array(nodes.block, { maxLength: 2 }) }),
  fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom<"blockquote" | "bulletList">("blockquote", "bulletList")).map(([n, kind]) => nested(n, kind)),
  fc.integer({ min: 100_000, max: 700_000 }).map((n) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Wort ".repeat(n / 5) }] }] })),
  fc.anything({ maxDepth: 3 }),
);

/** Any document the fuzzer sends: mostly editor-shaped, a third broken. */
export const anyDoc: fc.Arbitrary<unknown> = fc.oneof({ weight: 2, arbitrary: validishDoc }, { weight: 1, arbitrary: brokenDoc });

/** `levels` blockquotes or list items around one paragraph (the nesting finding). */
export function nested(levels: number, kind: "blockquote" | "bulletList" = "blockquote", text = "tief"): JSONContent {
  let node: JSONContent = { type: "paragraph", content: [{ type: "text", text }] };
  for (let i = 0; i < levels; i++) {
    node = kind === "blockquote" ? { type: "blockquote", content: [node] } : { type: "bulletList", content: [{ type: "listItem", content: [node] }] };
  }
  return { type: "doc", content: [node] };
}

