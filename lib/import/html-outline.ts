/**
 * HTML (from a .docx through mammoth, an .odt, a .md or an .html file) → the
 * import's outline: headings split the text into blocks, every block's HTML is
 * cleaned like a paste (lib/editor/paste.ts) and read by the editor's
 * own schema (the one extension list), then checked by validateDoc. Footnotes
 * become numbered notes of the block that refers to them; images are counted
 * and left out.
 */
import "server-only";
import type { JSONContent } from "@tiptap/core";
import { DOMParser as PMDOMParser } from "@tiptap/pm/model";
import { inertWindow } from "@/lib/editor/inert-window";
import { cleanPastedHtml } from "@/lib/editor/paste";
import { plainText } from "@/lib/editor/document";
import { MAX_NESTING } from "@/lib/editor/nesting";
import { editorSchema, validateDoc } from "@/lib/editor/validate";
import { stripExportFurniture } from "./export-furniture";
import type { Outline, OutlineBlock, SkippedItem } from "./outline";
import { refuse } from "./refuse";

/** Class that marks the document title (mammoth's style map and the ODT reader set it). */
export const TITLE_CLASS = "kw-title";

const CONTAINERS = new Set(["DIV", "SECTION", "ARTICLE", "MAIN", "BODY", "HEADER", "FOOTER", "ASIDE", "NAV", "CENTER", "FORM"]);
const HEADING = /^H([1-6])$/;

// happy-dom's element type, kept loose: only standard DOM members are used.
type El = {
  tagName: string;
  textContent: string | null;
  outerHTML: string;
  children: ArrayLike<El>;
  classList: { contains(c: string): boolean };
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  querySelector(selector: string): El | null;
  remove(): void;
  replaceWith(...nodes: unknown[]): void;
  parentElement: El | null;
};

const BREAKING = /^(P|LI|TD|TH|TR|DIV|BR|H[1-6]|UL|OL|TABLE|BLOCKQUOTE|PRE|DT|DD|SECTION|ARTICLE)$/;

type TextNode = { nodeType: number; textContent: string | null; childNodes: ArrayLike<TextNode>; tagName?: string };

/** The text of an element with line breaks between its blocks (textContent glues "Zelle1Zelle2"). */
function blockText(root: TextNode): string {
  let out = "";
  const stack: (TextNode | "\n")[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === "\n") {
      out += "\n";
      continue;
    }
    if (n.nodeType === 3) {
      out += n.textContent ?? "";
      continue;
    }
    if (n.nodeType !== 1) continue;
    const breaking = BREAKING.test(n.tagName ?? "");
    if (breaking) stack.push("\n");
    const kids = Array.from(n.childNodes);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    if (breaking) out += "\n";
  }
  return out;
}

const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** Elements that become a level of lists, quotes or tables in the editor (lib/editor/nesting.ts). */
const LEVEL_TAGS = new Set(["BLOCKQUOTE", "UL", "OL", "TABLE"]);
/**
 * Elements inside each other at most (any kind: <div> soup of a web page is
 * rarely deeper than 40). Past this, happy-dom's selectors, its serialiser and
 * ProseMirror's DOM parser, all recursive, would overflow the stack.
 */
export const MAX_HTML_DEPTH = 200;

/**
 * Elements a file may bring. A measure of Konzeptwerk's own export is a table
 * of about 165 elements, so a ≈ 100-page concept with 60 measures has ≈ 14,000
 * and one with 400 measures ≈ 70,000: such a file must come back in (the
 * Fortschreibung of a large concept). Reading costs about 0.15 ms per element
 * (mammoth plus this outline, on two busy cores: 70,000 ≈ 12 s); a single
 * block of bare paragraphs grows faster (80,000 ≈ 20 s). So a 20 MB file of
 * empty paragraphs would block the server for minutes: the elements are
 * counted on the raw text first, before any parser runs.
 */
export const MAX_HTML_ELEMENTS = 80_000;

type DepthNode = { tagName?: string; nodeType: number; childNodes: ArrayLike<DepthNode> };

/**
 * Refuses, with the German reason, HTML nested deeper than the editor allows:
 * more than MAX_NESTING lists, quotes and tables inside each other, or more
 * than MAX_HTML_DEPTH elements. Walks with an explicit stack in document order
 * (the file is untrusted; happy-dom parses any depth without recursion, but
 * nearly everything after it recurses), naming the heading the problem is under.
 */
export function assertHtmlNesting(root: DepthNode, under = "") {
  const stack: { node: DepthNode; depth: number; levels: number }[] = [{ node: root, depth: 0, levels: 0 }];
  let heading = under.slice(0, 80);
  while (stack.length) {
    const { node, depth, levels } = stack.pop()!;
    if (node.nodeType !== 1) continue;
    const tag = node.tagName ?? "";
    const here = LEVEL_TAGS.has(tag) ? levels + 1 : levels;
    const where = heading ? ` (im Abschnitt „${heading}“)` : "";
    if (here > MAX_NESTING) {
      throw refuse(
        `Die Datei ist zu tief verschachtelt${where}: Listen, Zitate und Tabellen stehen dort mehr als ${MAX_NESTING} Ebenen tief ineinander. Der Editor erlaubt höchstens ${MAX_NESTING} Ebenen; bitte die Gliederung in der Datei flacher anlegen und erneut hochladen.`,
      );
    }
    if (depth > MAX_HTML_DEPTH) {
      throw refuse(
        `Die Datei ist zu tief verschachtelt${where}: mehr als ${MAX_HTML_DEPTH} Elemente stehen ineinander. Bitte das Dokument vereinfachen (z. B. als .docx oder .odt speichern) und erneut hochladen.`,
      );
    }
    if (HEADING.test(tag)) heading = squash(blockText(node as unknown as TextNode)).slice(0, 80);
    const kids = Array.from(node.childNodes);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1, levels: here });
  }
}

/**
 * Control characters (a Word file's "&#7;", a form feed from an old export) and broken Unicode carry nothing a
 * concept needs, and the editor's text rule refuses them: they go before the text is read, so the preview shows
 * clean text and the import does not fail on them later.
 */
export function withoutControlCharacters(html: string): string {
  // (a vertical tab or form feed stood between two words: a space keeps them apart)
  return html
    .toWellFormed()
    .replace(/[\u000b\u000c]/g, " ")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/g, "");
}

export function htmlToOutline(html: string, extra: { skipped?: SkippedItem[]; trackedChanges?: number } = {}): Outline {
  let elements = 0;
  for (const _ of html.matchAll(/<[A-Za-z]/g)) {
    if (++elements > MAX_HTML_ELEMENTS) {
      throw refuse(
        `Die Datei ist zu umfangreich für den Import: mehr als ${MAX_HTML_ELEMENTS.toLocaleString("de-DE")} Absätze, Listenpunkte, Tabellenzellen und andere Elemente. Bitte das Konzept in mehreren Teilen importieren.`,
      );
    }
  }
  const window = inertWindow();
  try {
    const document = new window.DOMParser().parseFromString(withoutControlCharacters(html), "text/html");
    const body = document.body as unknown as El;
    // First, before any selector or serialiser walks the tree recursively.
    assertHtmlNesting(body as unknown as DepthNode);
    for (const el of Array.from(body.querySelectorAll("script, style, template, noscript, iframe, object, embed"))) el.remove();

    // Footnotes and endnotes: the note texts by id, their list removed from the flow.
    const notes = new Map<string, string>();
    for (const li of Array.from(body.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'))) {
      for (const back of Array.from(li.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) back.remove();
      notes.set(li.getAttribute("id")!, squash(blockText(li as unknown as TextNode)));
    }
    for (const li of Array.from(body.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'))) {
      const list = li.parentElement;
      li.remove();
      if (list && list.children.length === 0) list.remove();
    }
    const noteNumbers = new Map<string, number>();
    const refs: { number: number; text: string }[] = [];
    for (const a of Array.from(body.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]'))) {
      const id = (a.getAttribute("href") ?? "").slice(1);
      const text = notes.get(id);
      if (text === undefined) continue;
      const number = noteNumbers.get(id) ?? noteNumbers.size + 1;
      noteNumbers.set(id, number);
      const marker = `[KWNOTE${number}]`;
      const sup = a.parentElement?.tagName === "SUP" ? a.parentElement : a;
      sup.replaceWith(document.createTextNode(marker));
      refs.push({ number, text });
    }
    const noteText = new Map(refs.map((r) => [r.number, r.text]));

    // A file Konzeptwerk exported: its cover, placeholders and computed tables are no text of the concept.
    let title: string | null = stripExportFurniture(body as never, TITLE_CLASS)?.title ?? null;
    const titleEl = title === null ? body.querySelector(`.${TITLE_CLASS}`) : null;
    if (titleEl) {
      title = squash(titleEl.textContent) || null;
      titleEl.remove();
    }

    // Flatten to a sequence of headings and content elements.
    type Unit = { heading: number; text: string } | { el: El };
    const units: Unit[] = [];
    const walk = (el: El) => {
      for (const child of Array.from(el.children)) {
        const h = HEADING.exec(child.tagName);
        if (h) {
          const text = squash(child.textContent);
          if (text) units.push({ heading: Number(h[1]), text: text.replace(/\[KWNOTE\d+\]/g, "") });
        } else if (CONTAINERS.has(child.tagName) && child.querySelector("h1, h2, h3, h4, h5, h6")) {
          walk(child);
        } else {
          units.push({ el: child });
        }
      }
    };
    // Text directly in <body> (a .html file without paragraphs) is wrapped first.
    walk(body);
    const loose = Array.from((body as unknown as { childNodes: ArrayLike<{ nodeType: number; textContent: string | null }> }).childNodes).filter(
      (n) => n.nodeType === 3 && squash(n.textContent),
    );
    const looseText = loose.map((n) => squash(n.textContent)).join(" ");

    const source: string[] = [title ?? "", looseText];
    const skipped: SkippedItem[] = [...(extra.skipped ?? [])];
    const blocks: OutlineBlock[] = [];
    const stack: OutlineBlock[] = [];
    let current: OutlineBlock = { id: "b0", level: 0, title: "", parentId: null, content: [], notes: [], images: 0 };
    let pending: El[] = [];
    const container = document.createElement("div") as unknown as El & { innerHTML: string };

    const flush = () => {
      const images = pending.reduce((n, el) => n + (el.tagName === "IMG" ? 1 : 0) + el.querySelectorAll("img").length, 0);
      if (images > 0) {
        current.images += images;
        for (let i = 0; i < images; i++) skipped.push({ kind: "image", where: current.title || "Anfang des Dokuments" });
      }
      const html = pending.map((el) => el.outerHTML).join("");
      source.push(...pending.map((el) => blockText(el as unknown as TextNode)));
      pending = [];
      if (!html.trim()) return;
      container.innerHTML = cleanPastedHtml(html);
      // Again: Word's list paragraphs (mso-list levels) only become nested lists here.
      assertHtmlNesting(container as unknown as DepthNode, current.title);
      const parsed = PMDOMParser.fromSchema(editorSchema()).parse(container as never).toJSON() as JSONContent;
      const checked = validateDoc(parsed);
      const nodes = checked.ok ? (checked.doc.content ?? []) : textOnly(parsed);
      current.content.push(...nodes.filter((n) => !(n.type === "paragraph" && !n.content?.length)));
    };
    const finish = () => {
      flush();
      // Note markers → "[1]" in the text, the note itself at the end of the block.
      const used = new Set<number>();
      current.content = current.content.map((n) => replaceMarkers(n, used));
      for (const number of [...used].sort((a, b) => a - b)) {
        const text = `[${number}] ${noteText.get(number) ?? ""}`;
        current.notes.push({ type: "paragraph", content: [{ type: "text", text }] });
        source.push(text);
      }
      if (current.level > 0 || current.content.length > 0 || current.notes.length > 0) blocks.push(current);
    };

    for (const unit of units) {
      if ("heading" in unit) {
        finish();
        while (stack.length && stack.at(-1)!.level >= unit.heading) stack.pop();
        current = {
          id: `b${blocks.length + 1}`,
          level: unit.heading,
          title: unit.text,
          parentId: stack.at(-1)?.id ?? null,
          content: [],
          notes: [],
          images: 0,
        };
        source.push(unit.text);
        stack.push(current);
      } else {
        pending.push(unit.el);
      }
    }
    finish();
    if (looseText) blocks.unshift({ id: "b0-text", level: 0, title: "", parentId: null, content: [{ type: "paragraph", content: [{ type: "text", text: looseText }] }], notes: [], images: 0 });

    return {
      title,
      blocks,
      sourceText: source.join("\n").replace(/\[KWNOTE(\d+)\]/g, "[$1]"),
      skipped,
      trackedChanges: extra.trackedChanges ?? 0,
    };
  } finally {
    void window.happyDOM.abort();
    window.close();
  }
}

/** A document the validation refused (too deep, too long): its text as paragraphs, so nothing is lost. */
function textOnly(doc: JSONContent): JSONContent[] {
  return plainText(doc)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text) => ({ type: "paragraph", content: [{ type: "text", text }] }));
}

function replaceMarkers(node: JSONContent, used: Set<number>): JSONContent {
  if (node.type === "text" && node.text && node.text.includes("[KWNOTE")) {
    return { ...node, text: node.text.replace(/\[KWNOTE(\d+)\]/g, (_m, n: string) => (used.add(Number(n)), `[${n}]`)) };
  }
  if (!node.content) return node;
  return { ...node, content: node.content.map((c) => replaceMarkers(c, used)) };
}
