/**
 * A .docx → HTML through mammoth, with a style map for Word's built-in styles
 * in German and English. Before mammoth sees the file: zip limits (./zip.ts),
 * no macros, no external references, no DOCTYPE in any XML part. Comments
 * and tracked changes are counted for the report (mammoth leaves comments out
 * and takes insertions, not deletions: the current text).
 */
import "server-only";
import mammoth from "mammoth";
import { TITLE_CLASS } from "./html-outline";
import type { SkippedItem } from "./outline";
import { refuse } from "./refuse";
import { assertNoDoctype, attrsOf, findAll, innerText, parseXml, unescapeXml } from "./xml";
import { readZip, utf8 } from "./zip";

const headings = (n: number, names: string[]) => names.map((name) => `p[style-name='${name}'] => h${n}:fresh`);

export const DOCX_STYLE_MAP = [
  `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='Titel'] => h1.${TITLE_CLASS}:fresh`,
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => headings(n, [`Heading ${n}`, `heading ${n}`, `Überschrift ${n}`, `berschrift${n}`])),
  "p[style-name='List Bullet'] => ul > li:fresh",
  "p[style-name='Aufzählungszeichen'] => ul > li:fresh",
  "p[style-name='List Number'] => ol > li:fresh",
  "p[style-name='Listennummer'] => ol > li:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Untertitel'] => p:fresh",
];

const EXTERNAL_OK = /\/hyperlink$/;

export async function docxToHtml(bytes: Uint8Array, fileName: string) {
  if (/\.docm$/i.test(fileName)) throw refuse("Dokumente mit Makros (.docm) werden nicht importiert. Bitte als .docx ohne Makros speichern.");
  const parts = readZip(bytes, (name) => /\.(xml|rels)$/i.test(name) || /vbaProject\.bin$/i.test(name));
  const names = [...parts.keys()];
  const contentTypes = utf8(parts.get("[Content_Types].xml"));
  if (!contentTypes || !parts.has("word/document.xml")) throw refuse("Die Datei ist kein Word-Dokument (.docx): der Hauptteil word/document.xml fehlt.");
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
    for (const c of findAll(parseXml(utf8(comments)), "w:comment")) {
      const text = unescapeXml(innerText([c])).replace(/\s+/g, " ").trim();
      const author = unescapeXml(attrsOf(c)["w:author"] ?? "");
      skipped.push({ kind: "comment", where: author ? `Kommentar von ${author}` : "Kommentar", text: text.slice(0, 200) });
    }
  }

  let result: { value: string };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: DOCX_STYLE_MAP,
        includeDefaultStyleMap: true,
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
  } catch {
    throw refuse("Das Word-Dokument lässt sich nicht lesen (beschädigt oder kein .docx).");
  }
  return { html: result.value, skipped, trackedChanges };
}
