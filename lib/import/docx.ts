/**
 * A .docx → HTML through mammoth, with a style map for Word's built-in styles
 * in German and English. Before mammoth sees the file: zip limits (./zip.ts),
 * no macros, no external references, no DOCTYPE in any XML part. Comments
 * and tracked changes are counted for the report (mammoth leaves comments out
 * and takes insertions, not deletions: the current text). Paragraph alignment
 * (w:jc) of body text is kept as the editor's alignment class.
 */
import "server-only";
import mammoth from "mammoth";
import { alignClass, type StoredAlignment } from "@/lib/editor/extensions/text-align";
import { TITLE_CLASS } from "./html-outline";
import type { SkippedItem } from "./outline";
import { refuse } from "./refuse";
import { assertNoDoctype, attrsOf, childrenOf, findAll, innerText, nameOf, parseXml, unescapeXml, type XNode } from "./xml";
import { readZip, utf8 } from "./zip";

const headings = (n: number, names: string[]) => names.map((name) => `p[style-name='${name}'] => h${n}:fresh`);

export const DOCX_STYLE_MAP = [
  `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='Titel'] => h1.${TITLE_CLASS}:fresh`,
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => headings(n, [`Heading ${n}`, `heading ${n}`, `Überschrift ${n}`])),
  // German Word writes the style id "berschrift1" (the Ü dropped) where the name is missing.
  ...[1, 2, 3, 4, 5, 6].map((n) => `p.berschrift${n} => h${n}:fresh`),
  "p[style-name='List Bullet'] => ul > li:fresh",
  "p[style-name='Aufzählungszeichen'] => ul > li:fresh",
  "p[style-name='List Number'] => ol > li:fresh",
  "p[style-name='Listennummer'] => ol > li:fresh",
  // A table of contents is generated, not written: its entries (Word's "toc 1" …, German "Verzeichnis 1" …) are left out.
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`p[style-name='toc ${n}'] => !`, `p[style-name='Verzeichnis ${n}'] => !`, `p.TOC${n} => !`, `p.Verzeichnis${n} => !`]),
  "p[style-name='TOC Heading'] => !",
  "p[style-name='Inhaltsverzeichnisüberschrift'] => !",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Untertitel'] => p:fresh",
  // Body text with Word's own alignment (w:jc), marked by alignedParagraphs below: the editor's alignment class.
  ...(["center", "right", "justify"] as const).map((a) => `p.kw-align-${a} => p.${alignClass(a)}:fresh`),
];

/** Word's w:jc values that are not left (mammoth reads them as a paragraph's `alignment`). */
const WORD_JC: Record<string, StoredAlignment> = { center: "center", right: "right", end: "right", both: "justify", distribute: "justify" };
/** Body-text styles whose paragraphs may carry their alignment (headings, titles and lists keep their own mapping). */
const BODY_TEXT = /^(?:normal|standard|body text|textkörper|no spacing|kein leerraum|table contents|tabelleninhalt)$/i;

type MammothElement = { type?: string; children?: MammothElement[]; alignment?: string; styleId?: string | null; styleName?: string | null; numbering?: unknown };

/** Paragraphs of body text that Word centres, right-aligns or justifies get a style id the style map turns into the class. */
function alignedParagraphs(element: MammothElement): MammothElement {
  const out = element.children ? { ...element, children: element.children.map(alignedParagraphs) } : element;
  const alignment = out.type === "paragraph" && !out.numbering ? WORD_JC[out.alignment ?? ""] : undefined;
  if (!alignment || (out.styleName && !BODY_TEXT.test(out.styleName))) return out;
  return { ...out, styleId: `kw-align-${alignment}`, styleName: null };
}

const EXTERNAL_OK = /\/hyperlink$/;

const HEADING_STYLE = /^(?:heading|überschrift|berschrift)\s*[1-6]$/i;

/** For each comment id, the heading it stands under (document order; heading styles by id or name). */
function commentHeadings(document: XNode[], stylesXml: Uint8Array | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (stylesXml) {
    for (const s of findAll(parseXml(utf8(stylesXml)), "w:style")) {
      const name = findAll([s], "w:name")[0];
      names.set(attrsOf(s)["w:styleId"] ?? "", name ? (attrsOf(name)["w:val"] ?? "") : "");
    }
  }
  const isHeading = (styleId: string) => HEADING_STYLE.test(styleId) || HEADING_STYLE.test(names.get(styleId) ?? "");
  const under = new Map<string, string>();
  let heading = "Anfang des Dokuments";
  const stack = [...document].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (nameOf(node) !== "w:p") {
      stack.push(...[...childrenOf(node)].reverse());
      continue;
    }
    const style = findAll([node], "w:pStyle")[0];
    if (style && isHeading(attrsOf(style)["w:val"] ?? "")) heading = unescapeXml(innerText(findAll([node], "w:t"))).trim() || heading;
    for (const ref of [...findAll([node], "w:commentRangeStart"), ...findAll([node], "w:commentReference")]) {
      const id = attrsOf(ref)["w:id"] ?? "";
      if (!under.has(id)) under.set(id, heading);
    }
  }
  return under;
}

export async function docxToHtml(bytes: Uint8Array, fileName: string) {
  if (/\.docm$/i.test(fileName)) throw refuse("Dokumente mit Makros (.docm) werden nicht importiert. Bitte als .docx ohne Makros speichern.");
  const parts = readZip(bytes, (name) => /\.(xml|rels)$/i.test(name) || /vbaProject\.bin$/i.test(name));
  const names = [...parts.keys()];
  const contentTypes = utf8(parts.get("[Content_Types].xml"));
  if (!parts.has("word/document.xml")) throw refuse("Die Datei ist kein Word-Dokument (.docx): der Hauptteil word/document.xml fehlt.");
  if (!contentTypes) {
    throw refuse("Das Word-Dokument ist unvollständig: Ihm fehlt das Verzeichnis seiner Teile ([Content_Types].xml). Bitte die Datei in Word oder LibreOffice öffnen, als .docx speichern und erneut hochladen.");
  }
  if (/macroEnabled/i.test(contentTypes) || names.some((n) => /vbaProject\.bin$/i.test(n))) {
    throw refuse("Das Dokument enthält Makros. Dokumente mit Makros werden nicht importiert; bitte als .docx ohne Makros speichern.");
  }
  for (const [name, data] of parts) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = utf8(data);
    assertNoDoctype(xml);
    if (name.endsWith(".rels")) {
      for (const rel of findAll(parseXml(xml), "Relationship")) {
        const a = attrsOf(rel);
        if (a.TargetMode === "External" && !EXTERNAL_OK.test(a.Type ?? "")) {
          throw refuse(`Das Dokument verweist auf externe Inhalte (${unescapeXml(a.Target ?? "").slice(0, 80)}). Solche Verweise werden aus Sicherheitsgründen nicht geöffnet; bitte die Inhalte in das Dokument einbetten oder entfernen.`);
        }
      }
    }
  }

  const document = parseXml(utf8(parts.get("word/document.xml")));
  const trackedChanges = findAll(document, "w:ins").length + findAll(document, "w:del").length;
  const skipped: SkippedItem[] = [];
  const comments = parts.get("word/comments.xml");
  if (comments) {
    const under = commentHeadings(document, parts.get("word/styles.xml"));
    for (const c of findAll(parseXml(utf8(comments)), "w:comment")) {
      const text = unescapeXml(innerText([c])).replace(/\s+/g, " ").trim();
      const author = unescapeXml(attrsOf(c)["w:author"] ?? "");
      const heading = under.get(attrsOf(c)["w:id"] ?? "") ?? "Anfang des Dokuments";
      skipped.push({ kind: "comment", where: `${author ? `Kommentar von ${author}` : "Kommentar"}, unter „${heading}“`, text: text.slice(0, 200) });
    }
  }

  let result: { value: string };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: DOCX_STYLE_MAP,
        includeDefaultStyleMap: true,
        transformDocument: alignedParagraphs,
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
  } catch {
    throw refuse("Das Word-Dokument lässt sich nicht lesen (beschädigt oder kein .docx).");
  }
  return { html: result.value, skipped, trackedChanges };
}
