/**
 * The XML primitives of the ODT writer (lib/export/odt.ts): nodes in
 * fast-xml-parser's ordered form, user text as ODF inline content, the
 * namespaces, the serialiser.
 */
import { XMLBuilder } from "fast-xml-parser";
import { xmlText } from "./text";

/** One node of the builder's ordered form: `{ name: [children], ":@": { "@_attr": value } }` or `{ "#text": … }`. */
export type X = Record<string, unknown>;

export const el = (name: string, attrs: Record<string, string | number | undefined> | null, ...kids: (X | X[] | null | undefined | false)[]): X => {
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

export const NS = {
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

export const ACCENT = "#1f4e79";
export const MUTED = "#595959";
export const TEXT_WIDTH_CM = 16.3;

export const xml = (root: X) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: true }).build([root]);
