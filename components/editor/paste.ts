/**
 * Word and other office programs paste HTML full of conditional comments, <o:p>
 * tags, mso-* styles and class soup. The editor's schema already drops unknown
 * nodes and marks; this removes the junk that would otherwise become empty
 * paragraphs or stray text, keeping headings, lists, tables, bold, italic, links.
 */
export function cleanPastedHtml(html: string): string {
  return msoListsToLists(html)
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\/?o:p[^>]*>/gi, "")
    .replace(/<\/?(?:w|m|v|o):[^>]*>/gi, "")
    .replace(/<(style|script|meta|link|xml)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<(meta|link)[^>]*\/?>/gi, "")
    .replace(/\s(?:class|style|lang|align)="[^"]*"/gi, "")
    .replace(/<p>(?:&nbsp;|\s)*<\/p>/gi, "");
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
