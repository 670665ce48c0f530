/**
 * An .odt → HTML: content.xml read with fast-xml-parser (no entities, no
 * DOCTYPE) out of the zip (./zip.ts). Headings (text:h), the "Title" style,
 * lists, tables with header rows, links, bold and italic, paragraph
 * alignment, footnotes and endnotes; annotations are counted, tracked changes
 * taken as the current text (deleted text lives in text:tracked-changes and is
 * left out).
 */
import "server-only";
import { alignClass, alignmentFromCss } from "@/lib/editor/extensions/text-align";
import { TITLE_CLASS } from "./html-outline";
import type { SkippedItem } from "./outline";
import { refuse } from "./refuse";
import { attrsOf, childrenOf, findAll, innerText, nameOf, parseXml, textOf, unescapeXml, type XNode } from "./xml";
import { readZip, utf8 } from "./zip";

const attr = (s: string) => s.replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function odtToHtml(bytes: Uint8Array) {
  const parts = readZip(bytes, (name) => name === "mimetype" || name === "content.xml" || name === "styles.xml" || name === "META-INF/manifest.xml" || /^(Basic|Scripts)\//.test(name));
  const mimetype = utf8(parts.get("mimetype")).trim();
  if (mimetype !== "application/vnd.oasis.opendocument.text") {
    throw refuse("Die Datei ist kein OpenDocument-Textdokument (.odt).");
  }
  const manifest = utf8(parts.get("META-INF/manifest.xml"));
  if (/encryption-data/.test(manifest)) throw refuse("Das Dokument ist mit einem Passwort geschützt. Bitte ohne Passwort speichern und erneut hochladen.");
  if ([...parts.keys()].some((n) => /^(Basic|Scripts)\/.+\.(xml|js|py|bsh)$/i.test(n) && !/script-lc\.xml|dialog-lc\.xml/.test(n))) {
    throw refuse("Das Dokument enthält Makros. Dokumente mit Makros werden nicht importiert; bitte ohne Makros speichern.");
  }
  const content = parseXml(utf8(parts.get("content.xml")));
  const styles = parts.has("styles.xml") ? parseXml(utf8(parts.get("styles.xml"))) : [];
  for (const n of [...findAll(content, "text:section-source"), ...findAll(content, "draw:object"), ...findAll(content, "draw:plugin")]) {
    const href = attrsOf(n)["xlink:href"] ?? "";
    if (href && !href.startsWith("./") && !/^[A-Za-z ]+\//.test(href)) {
      throw refuse(`Das Dokument verweist auf externe Inhalte (${unescapeXml(href).slice(0, 80)}). Solche Verweise werden aus Sicherheitsgründen nicht geöffnet.`);
    }
  }

  // Styles: name → parent, text properties, and which list styles number.
  const parentOf = new Map<string, string>();
  const bold = new Set<string>();
  const italic = new Set<string>();
  const numbered = new Set<string>();
  const textAlign = new Map<string, string>();
  for (const s of [...findAll(content, "style:style"), ...findAll(styles, "style:style")]) {
    const a = attrsOf(s);
    const name = a["style:name"] ?? "";
    if (a["style:parent-style-name"]) parentOf.set(name, a["style:parent-style-name"]);
    for (const p of findAll([s], "style:paragraph-properties")) {
      const align = attrsOf(p)["fo:text-align"];
      // The document's own (automatic) style first: styles.xml may use the same name for its header's paragraphs.
      if (align && !textAlign.has(name)) textAlign.set(name, align);
    }
    for (const t of findAll([s], "style:text-properties")) {
      const ta = attrsOf(t);
      if (ta["fo:font-weight"] === "bold") bold.add(name);
      if (ta["fo:font-style"] === "italic") italic.add(name);
    }
  }
  for (const l of [...findAll(content, "text:list-style"), ...findAll(styles, "text:list-style")]) {
    const first = childrenOf(l).find((c) => nameOf(c).startsWith("text:list-level-style"));
    if (first && nameOf(first) === "text:list-level-style-number") numbered.add(attrsOf(l)["style:name"] ?? "");
  }
  /** ` class="text-align-…"` for a paragraph style that centres, right-aligns or justifies (directly or by its parents). */
  const alignment = (style: string) => {
    for (let s: string | undefined = style, i = 0; s && i < 20; s = parentOf.get(s), i++) {
      if (textAlign.has(s)) {
        const found = alignmentFromCss(textAlign.get(s));
        return found ? ` class="${alignClass(found)}"` : "";
      }
    }
    return "";
  };
  const isTitle = (style: string) => {
    for (let s: string | undefined = style, i = 0; s && i < 20; s = parentOf.get(s), i++) if (s === "Title" || s === "Titel") return true;
    return false;
  };

  const skipped: SkippedItem[] = [];
  const trackedChanges = findAll(content, "text:changed-region").length;
  const notes: string[] = [];
  let currentHeading = "Anfang des Dokuments";

  const inline = (nodes: XNode[]): string => nodes.map(inlineNode).join("");
  const inlineNode = (n: XNode): string => {
    if ("#text" in n) return textOf(n);
    const name = nameOf(n);
    const a = attrsOf(n);
    const kids = childrenOf(n);
    switch (name) {
      case "text:s":
        return " ".repeat(Math.min(Number(a["text:c"] ?? 1) || 1, 100));
      case "text:tab":
        return " ";
      case "text:line-break":
        return "<br>";
      case "text:span": {
        let html = inline(kids);
        const style = a["text:style-name"] ?? "";
        if (bold.has(style)) html = `<strong>${html}</strong>`;
        if (italic.has(style)) html = `<em>${html}</em>`;
        return html;
      }
      case "text:a":
        return `<a href="${attr(a["xlink:href"] ?? "")}">${inline(kids)}</a>`;
      case "text:note": {
        const body = kids.find((k) => nameOf(k) === "text:note-body");
        const id = `footnote-${notes.length + 1}`;
        notes.push(`<li id="${id}">${blocks(body ? childrenOf(body) : [])}</li>`);
        return `<sup><a href="#${id}">[${notes.length}]</a></sup>`;
      }
      case "office:annotation": {
        const text = unescapeXml(innerText(kids.filter((k) => nameOf(k) === "text:p"))).replace(/\s+/g, " ").trim();
        const creator = unescapeXml(innerText(kids.filter((k) => nameOf(k) === "dc:creator"))).trim();
        skipped.push({ kind: "comment", where: `${creator ? `Kommentar von ${creator}, ` : "Kommentar "}unter „${currentHeading}“`, text: text.slice(0, 200) });
        return "";
      }
      case "draw:frame": {
        const images = findAll(kids, "draw:image").length;
        for (let i = 0; i < images; i++) skipped.push({ kind: "image", where: currentHeading });
        const box = kids.find((k) => nameOf(k) === "draw:text-box");
        return box ? blocks(childrenOf(box)) : "";
      }
      case "office:annotation-end":
      case "text:bookmark":
      case "text:bookmark-start":
      case "text:bookmark-end":
      case "text:change":
      case "text:change-start":
      case "text:change-end":
      case "text:soft-page-break":
        return "";
      default:
        return inline(kids);
    }
  };

  const blocks = (nodes: XNode[]): string => nodes.map(block).join("");
  const block = (n: XNode): string => {
    const name = nameOf(n);
    const a = attrsOf(n);
    const kids = childrenOf(n);
    switch (name) {
      case "text:h": {
        const level = Math.min(Math.max(Number(a["text:outline-level"] ?? 1) || 1, 1), 6);
        currentHeading = unescapeXml(innerText(kids)).replace(/\s+/g, " ").trim() || currentHeading;
        return `<h${level}${alignment(a["text:style-name"] ?? "")}>${inline(kids)}</h${level}>`;
      }
      case "text:p":
        if (isTitle(a["text:style-name"] ?? "")) return `<h1 class="${TITLE_CLASS}">${inline(kids)}</h1>`;
        return `<p${alignment(a["text:style-name"] ?? "")}>${inline(kids)}</p>`;
      case "text:list": {
        const style = a["text:style-name"] ?? "";
        const tag = numbered.has(style) ? "ol" : "ul";
        return `<${tag}>${kids.map((k) => (nameOf(k) === "text:list-item" || nameOf(k) === "text:list-header" ? `<li>${blocks(childrenOf(k))}</li>` : "")).join("")}</${tag}>`;
      }
      case "table:table": {
        const rows: string[] = [];
        const row = (r: XNode, header: boolean) =>
          `<tr>${childrenOf(r)
            .filter((c) => nameOf(c) === "table:table-cell")
            .map((c) => (header ? `<th>${blocks(childrenOf(c))}</th>` : `<td>${blocks(childrenOf(c))}</td>`))
            .join("")}</tr>`;
        for (const k of kids) {
          if (nameOf(k) === "table:table-header-rows") for (const r of childrenOf(k)) if (nameOf(r) === "table:table-row") rows.push(row(r, true));
          if (nameOf(k) === "table:table-row") rows.push(row(k, false));
          if (nameOf(k) === "table:table-rows") for (const r of childrenOf(k)) if (nameOf(r) === "table:table-row") rows.push(row(r, false));
        }
        return `<table>${rows.join("")}</table>`;
      }
      case "text:section":
      case "text:index-body":
        return blocks(kids);
      case "text:tracked-changes":
      case "text:sequence-decls":
      case "office:forms":
      case "text:variable-decls":
      case "text:user-field-decls":
      case "table:table-columns":
      case "table:table-column":
      case "text:table-of-content":
        return "";
      default:
        return inline([n]);
    }
  };

  const text = findAll(content, "office:text")[0];
  if (!text) throw refuse("Die Datei ist kein OpenDocument-Textdokument (.odt): der Textteil fehlt.");
  const html = blocks(childrenOf(text)) + (notes.length ? `<ol>${notes.join("")}</ol>` : "");
  return { html, skipped, trackedChanges };
}
