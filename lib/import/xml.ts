/** XML of office files, read with fast-xml-parser; entities are never expanded and a DOCTYPE is refused. */
import { XMLParser } from "fast-xml-parser";
import { refuse } from "./refuse";

export type XNode = Record<string, unknown>;

/**
 * Elements inside each other at most (fast-xml-parser's own bound, stated
 * here): 12 levels of nested tables in Word are about 45, and everything that
 * reads the tree afterwards (odt.ts, mammoth) recurses per level.
 */
export const MAX_XML_DEPTH = 100;

const parser = new XMLParser({
  maxNestedTags: MAX_XML_DEPTH,
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** A document type declaration can define entities ("billion laughs", external files): such files are refused. */
export function assertNoDoctype(xml: string) {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw refuse("Die Datei enthält eine XML-Dokumenttyp-Deklaration (DOCTYPE/ENTITY). Solche Dateien werden aus Sicherheitsgründen nicht geöffnet.");
  }
}

export function parseXml(xml: string): XNode[] {
  assertNoDoctype(xml);
  try {
    return parser.parse(xml) as XNode[];
  } catch (error) {
    if (error instanceof Error && /nested tags/i.test(error.message)) {
      throw refuse(
        `Die Datei ist zu tief verschachtelt: mehr als ${MAX_XML_DEPTH} Elemente ihres Inhalts stehen ineinander (z. B. Listen oder Tabellen in Listen oder Tabellen). Der Editor erlaubt höchstens 12 Ebenen; bitte die Gliederung in der Datei flacher anlegen und erneut hochladen.`,
      );
    }
    throw refuse("Die Datei ist beschädigt (ihr XML-Inhalt ist nicht lesbar).");
  }
}

/** The element name of a preserveOrder node ("#text" for text). */
export const nameOf = (node: XNode) => Object.keys(node).find((k) => k !== ":@") ?? "";
export const childrenOf = (node: XNode): XNode[] => {
  const v = node[nameOf(node)];
  return Array.isArray(v) ? (v as XNode[]) : [];
};
export const attrsOf = (node: XNode) => (node[":@"] as Record<string, string> | undefined) ?? {};
export const textOf = (node: XNode) => String(node["#text"] ?? "");

/** Every element named `name`, anywhere below `nodes` (explicit stack, no recursion). */
export function findAll(nodes: XNode[], name: string): XNode[] {
  const found: XNode[] = [];
  const stack = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (nameOf(n) === name) found.push(n);
    stack.push(...childrenOf(n));
  }
  return found;
}

/** The plain text below nodes, XML escapes as written (no entity is expanded). */
export function innerText(nodes: XNode[]): string {
  let out = "";
  const stack = [...nodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if ("#text" in n) out += textOf(n);
    else stack.push(...[...childrenOf(n)].reverse());
  }
  return out;
}

/** The five predefined XML escapes and character references, for text shown outside HTML. */
export const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
