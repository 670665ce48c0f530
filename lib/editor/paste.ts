import { alignClass, alignmentFromCss, type StoredAlignment } from "./extensions/text-align";

/**
 * Word and LibreOffice paste HTML full of conditional comments, <o:p> tags,
 * mso-* styles, class soup, <font> and <span> wrappers and non-breaking-space
 * padding. The editor's schema already drops unknown nodes and marks; this
 * removes the junk that would otherwise become empty paragraphs or stray text,
 * and turns what the office programs say with styles into what the editor
 * keeps: list paragraphs into lists, `align=center` / `text-align:center` on
 * paragraphs, headings and cells into the alignment class, Word's header rows
 * into header cells, bold/italic/underline/strike spans into marks.
 */
export function cleanPastedHtml(html: string): string {
  const stripped = msoListsToLists(html)
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    // Word's "downlevel-revealed" conditionals (<![if !vml]>…<![endif]>): the markers go, the content stays.
    .replace(/<!\[(?:end)?if[^>]*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<head\b[\s\S]*?<\/head>/gi, "")
    .replace(/<(style|script|xml|title)\b[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<(meta|link)\b[^>]*\/?>/gi, "")
    .replace(/<\/?(?:o|w|m|v):[^>]*>/gi, "");
  const tidy = spansToMarks(headerRows(stripped)).replace(TAG, (_tag, name: string, attrs: string) => {
    const alignment = ALIGNED_TAGS.test(name) ? alignmentOf(attrs) : null;
    return `<${name}${keptAttributes(attrs)}${alignment ? ` class="${alignClass(alignment)}"` : ""}>`;
  });
  return withoutPadding(tidy);
}

/** An opening tag with its attributes (quoted with ", ' or not at all; a quoted value may contain ">"). */
const TAG = /<([a-z][a-z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
/** Attributes that only carry Word's and LibreOffice's formatting. */
const OFFICE_ATTRIBUTES = new Set(["class", "style", "lang", "align", "face", "size", "color", "link", "vlink"]);
const ALIGNED_TAGS = /^(?:p|h[1-6]|td|th)$/i;

function attributes(source: string): [name: string, value: string | null][] {
  return [...source.matchAll(ATTRIBUTE)].map((m) => [m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? null]);
}

function keptAttributes(source: string): string {
  return attributes(source)
    .filter(([name]) => !OFFICE_ATTRIBUTES.has(name))
    .map(([name, value]) => (value === null ? ` ${name}` : ` ${name}="${value.replace(/"/g, "&quot;")}"`))
    .join("");
}

/** A style attribute's declarations (`mso-bidi-font-weight` is not `font-weight`). */
function declarations(style: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (style ?? "").split(";")) {
    const colon = part.indexOf(":");
    if (colon > 0) out.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase());
  }
  return out;
}

/** The alignment of a paragraph, heading or cell: our own class (a copy inside the editor), the style, or `align`. */
function alignmentOf(source: string): StoredAlignment | null {
  const attrs = new Map(attributes(source));
  const own = /\btext-align-(center|right|justify)\b/.exec(attrs.get("class") ?? "");
  if (own) return own[1] as StoredAlignment;
  return alignmentFromCss(declarations(attrs.get("style") ?? null).get("text-align")) ?? alignmentFromCss(attrs.get("align"));
}

/**
 * Header rows stay header rows: cells in a <thead> (LibreOffice's repeated
 * heading rows) and in Word's header rows (`mso-yfti-irow:-1`) become <th>.
 */
function headerRows(html: string): string {
  const toHeaders = (rows: string) => rows.replace(/<td\b/gi, "<th").replace(/<\/td\s*>/gi, "</th>");
  return html.replace(/<thead\b[^>]*>[\s\S]*?<\/thead\s*>/gi, toHeaders).replace(/<tr\b[^>]*mso-yfti-irow:\s*-1\b[^>]*>[\s\S]*?<\/tr\s*>/gi, toHeaders);
}

/**
 * <span> and <font> wrappers go; what their style says about bold, italic,
 * underline and strike stays, as <b>, <i>, <u>, <s> around the same text.
 */
function spansToMarks(html: string): string {
  const closers: string[] = [];
  return html.replace(/<(\/?)(span|font)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi, (_tag, closing: string, _name, attrs: string) => {
    if (closing) return closers.pop() ?? "";
    const style = declarations(new Map(attributes(attrs)).get("style") ?? null);
    const weight = style.get("font-weight") ?? "";
    const decoration = `${style.get("text-decoration") ?? ""} ${style.get("text-decoration-line") ?? ""}`;
    const tags = [
      /^(?:bold|bolder|[6-9]00)$/.test(weight) && "b",
      /^(?:italic|oblique)/.test(style.get("font-style") ?? "") && "i",
      decoration.includes("underline") && "u",
      decoration.includes("line-through") && "s",
    ].filter((t): t is string => !!t);
    closers.push(tags.map((t) => `</${t}>`).reverse().join(""));
    return tags.map((t) => `<${t}>`).join("");
  });
}

const NBSP = "(?:&nbsp;|&#160;|&#xa0;|\u00a0)";
const BLOCK_OPEN = "<(?:p|h[1-6]|li|td|th)\\b[^>]*>";
const BLOCK_CLOSE = "<\\/(?:p|h[1-6]|li|td|th)\\s*>";

/**
 * No padding: paragraphs and headings of nothing but spaces, non-breaking
 * spaces and line breaks go; non-breaking spaces at the start or end of a
 * block go; a run of two or more (spaces to push text along) becomes one space.
 * A single one between words ("12.500&nbsp;€", "§&nbsp;3") stays.
 */
function withoutPadding(html: string): string {
  return html
    .replace(new RegExp(`<(p|h[1-6])\\b[^>]*>(?:\\s|${NBSP}|<br\\s*\\/?>)*<\\/\\1\\s*>`, "gi"), "")
    .replace(new RegExp(`(${BLOCK_OPEN})(?:\\s|${NBSP})+`, "gi"), "$1")
    .replace(new RegExp(`(?:\\s|${NBSP})+(?=${BLOCK_CLOSE})`, "gi"), "")
    .replace(new RegExp(`[ \\t]*${NBSP}(?:[ \\t\\r\\n]|${NBSP})*${NBSP}[ \\t]*|${NBSP}(?:[ \\t\\r\\n])+|(?:[ \\t\\r\\n])+${NBSP}`, "gi"), " ");
}

/** A list paragraph of Word's HTML: `<p … style='…mso-list:l0 level2 lfo1'>`. */
const MSO_LIST_PARAGRAPH = /<p\b[^>]*?mso-list:\s*l\d+\s+level(\d+)[^>]*>([\s\S]*?)<\/p>/gi;
/** The bullet or number Word writes in front of the text, hidden from browsers that "support lists". */
const MSO_MARKER = [
  /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i,
  /<!--\[if !supportLists\]-->([\s\S]*?)<!--\[endif\]-->/i,
  /<span[^>]*mso-list:\s*Ignore[^>]*>([^<]*(?:<span[^>]*>[^<]*<\/span>)?[^<]*)<\/span>/i,
];
const ORDERED_MARKER = /^(?:\d+|[a-z]|[ivxlc]+)[.)]$/i;

/**
 * Word pastes a list as paragraphs, each with its level in `mso-list` and its
 * bullet ("·" plus non-breaking spaces) or number as text in front. Runs of
 * such paragraphs become real nested <ul>/<ol> lists, numbered when the marker
 * is a number or letter ("1.", "a)", "iv."), the markers removed.
 */
export function msoListsToLists(html: string): string {
  type Item = { level: number; ordered: boolean; html: string; start: number; end: number };
  const items: Item[] = [];
  for (const m of html.matchAll(MSO_LIST_PARAGRAPH)) {
    let body = m[2]!;
    let marker = "";
    for (const pattern of MSO_MARKER) {
      const found = pattern.exec(body);
      if (found) {
        marker = found[1]!.replace(/<[^>]*>/g, "").replace(/&nbsp;|\s|\u00a0/g, "");
        body = body.replace(pattern, "");
        break;
      }
    }
    items.push({ level: Number(m[1]), ordered: ORDERED_MARKER.test(marker), html: body, start: m.index, end: m.index + m[0].length });
  }
  if (!items.length) return html;

  let out = "";
  let at = 0;
  let open: { level: number; tag: string }[] = [];
  const closeAll = () => {
    while (open.length) out += `</li></${open.pop()!.tag}>`;
  };
  for (const item of items) {
    const between = html.slice(at, item.start);
    // Only whitespace (or a comment) between two list paragraphs: the same list.
    if (open.length && !/^(?:\s|<!--[\s\S]*?-->)*$/.test(between)) closeAll();
    out += open.length ? "" : between;
    const tag = item.ordered ? "ol" : "ul";
    while (open.length && open.at(-1)!.level > item.level) out += `</li></${open.pop()!.tag}>`;
    const top = open.at(-1);
    if (top && top.level === item.level && top.tag === tag) out += "</li><li>";
    else {
      if (top && top.level === item.level) out += `</li></${open.pop()!.tag}>`;
      out += `<${tag}><li>`;
      open.push({ level: item.level, tag });
    }
    out += item.html;
    at = item.end;
  }
  closeAll();
  return out + html.slice(at);
}
