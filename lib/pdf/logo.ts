/**
 * Checking an uploaded logo before it is stored (pure). A PNG must be a real
 * PNG (signature, IHDR, sane size); an SVG must be well-formed XML whose every
 * element and attribute is on an allowlist of drawing features: no scripts,
 * no event handlers, no foreignObject, no DOCTYPE/entities, no reference to
 * anything outside the file (href and url() only to "#id" in the same file).
 * Anything else is rejected with a German message, not silently cleaned, so
 * the admin sees what the PDF will show.
 *
 * A logo must also never stop an export: a PNG is decoded in full (pngjs,
 * checksums of every chunk), and an SVG's references (<use>, href, url(#…))
 * are bounded — no <use> of something that itself uses, no cycles, and at most
 * MAX_SVG_EXPANSION elements once every reference is expanded (the "billion
 * laughs" of SVG is a chain of <use> that doubles at each step).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { crc32 } from "node:zlib";
import { PNG } from "pngjs";

export const MAX_LOGO_BYTES = 512 * 1024;
export type LogoType = "image/png" | "image/svg+xml";
export type LogoCheck = { ok: true; mediaType: LogoType; bytes: Buffer } | { ok: false; error: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const SVG_ELEMENTS = new Set(
  [
    "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask",
    "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood", "feComposite", "feMerge", "feMergeNode", "feMorphology",
    "style",
  ].map((e) => e.toLowerCase()),
);

const SAFE_ATTRIBUTE = /^(xmlns(:[a-z]+)?|xml:space|xml:lang|id|class|style|version|baseprofile|viewbox|preserveaspectratio|width|height|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|fx|fy|d|points|transform|opacity|fill|fill-opacity|fill-rule|clip-rule|clip-path|clippathunits|mask|maskunits|maskcontentunits|stroke|stroke-width|stroke-linecap|stroke-linejoin|stroke-miterlimit|stroke-dasharray|stroke-dashoffset|stroke-opacity|stop-color|stop-opacity|offset|gradientunits|gradienttransform|spreadmethod|patternunits|patterncontentunits|patterntransform|font-family|font-size|font-weight|font-style|text-anchor|dominant-baseline|letter-spacing|dx|dy|rotate|textlength|lengthadjust|display|visibility|color|filter|filterunits|primitiveunits|in|in2|result|stddeviation|mode|type|values|operator|k1|k2|k3|k4|flood-color|flood-opacity|radius|href|xlink:href|startoffset|data-name|enable-background|overflow|vector-effect|paint-order|shape-rendering|color-interpolation-filters|mix-blend-mode|isolation)$/;

/** A reference is safe when it stays inside the file. */
const internalRef = (value: string) => /^#[A-Za-z_][\w.:-]*$/.test(value.trim());

function checkCss(css: string): string | null {
  if (/@import|expression\s*\(|javascript:|behaviou?r\s*:|-moz-binding/i.test(css)) return "Das SVG enthält nicht erlaubte Stilangaben (@import, Skripte).";
  for (const m of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    if (!internalRef(m[2] ?? "")) return "Das SVG verweist auf eine externe Datei (url(…)). Bitte alle Inhalte in die Datei einbetten.";
  }
  return null;
}

type Node = Record<string, unknown>;

function checkSvgTree(nodes: Node[]): string | null {
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ":@") continue;
      if (key === "#text") continue;
      if (key === "?xml") continue;
      if (key.startsWith("?") || key.startsWith("!")) return "Das SVG enthält Verarbeitungsanweisungen oder Deklarationen, die nicht erlaubt sind.";
      const name = key.replace(/^svg:/, "").toLowerCase();
      if (!SVG_ELEMENTS.has(name)) return `Das SVG enthält das Element <${key}>, das nicht erlaubt ist (z. B. Skripte, eingebettetes HTML oder Bilder).`;
      const attrs = (node[":@"] ?? {}) as Record<string, string>;
      for (const [rawName, rawValue] of Object.entries(attrs)) {
        const attr = rawName.replace(/^@_/, "").toLowerCase();
        const val = String(rawValue);
        if (attr.startsWith("on")) return "Das SVG enthält Ereignis-Attribute (on…), die nicht erlaubt sind.";
        if (!SAFE_ATTRIBUTE.test(attr)) return `Das SVG enthält das Attribut „${attr}“, das nicht erlaubt ist.`;
        if ((attr === "href" || attr === "xlink:href") && !internalRef(val)) {
          return "Das SVG verweist auf eine externe Datei oder Adresse. Bitte alle Inhalte in die Datei einbetten.";
        }
        const cssProblem = checkCss(val);
        if (cssProblem) return cssProblem;
      }
      if (name === "style") {
        const css = ((value as Node[]) ?? []).map((c) => String(c["#text"] ?? "")).join("");
        const problem = checkCss(css);
        if (problem) return problem;
      }
      const children = value as Node[];
      if (Array.isArray(children)) {
        const problem = checkSvgTree(children);
        if (problem) return problem;
      }
    }
  }
  return null;
}

export const MAX_LOGO_PIXELS = 4000;

/**
 * Every chunk inside the file, with a matching checksum, up to IEND and nothing
 * after it. pngjs checks the checksums of the chunks it decodes but skips the
 * others unread; Typst's decoder does not.
 */
function checkPngChunks(bytes: Buffer) {
  let at = 8;
  for (;;) {
    if (at + 12 > bytes.length) throw new Error("truncated");
    const length = bytes.readUInt32BE(at);
    const end = at + 8 + length;
    if (end + 4 > bytes.length) throw new Error("truncated");
    if (crc32(bytes.subarray(at + 4, end)) !== bytes.readUInt32BE(end)) throw new Error("crc");
    const type = bytes.toString("latin1", at + 4, at + 8);
    at = end + 4;
    if (type === "IEND") break;
  }
  if (at !== bytes.length) throw new Error("trailing data");
}

function checkPng(bytes: Buffer): LogoCheck {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") {
    return { ok: false, error: "Die Datei ist kein gültiges PNG-Bild." };
  }
  // The size from the header first: a decompression bomb is refused before it is unpacked.
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_LOGO_PIXELS || height > MAX_LOGO_PIXELS) {
    return { ok: false, error: `Das Bild darf höchstens ${MAX_LOGO_PIXELS} × ${MAX_LOGO_PIXELS} Pixel groß sein.` };
  }
  try {
    checkPngChunks(bytes);
    const image = PNG.sync.read(bytes, { checkCRC: true });
    if (image.width !== width || image.height !== height) throw new Error("size");
  } catch {
    return { ok: false, error: "Die PNG-Datei ist beschädigt (sie lässt sich nicht vollständig lesen). Bitte speichern Sie das Bild neu als PNG und laden Sie es erneut hoch." };
  }
  return { ok: true, mediaType: "image/png", bytes };
}

/** Elements of an SVG once every reference is expanded; a real logo has a few hundred to a few thousand. */
export const MAX_SVG_EXPANSION = 20_000;
/** <use> elements in one file. */
export const MAX_SVG_USES = 500;

type SvgElement = { name: string; id: string | null; refs: string[]; children: SvgElement[] };

/** The parsed tree as elements with the ids they reference (href="#id", url(#id) in attributes and style). */
function toElements(nodes: Node[]): SvgElement[] {
  const out: SvgElement[] = [];
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ":@" || key.startsWith("#") || key.startsWith("?") || !Array.isArray(value)) continue;
      const attrs = (node[":@"] ?? {}) as Record<string, string>;
      const refs: string[] = [];
      let id: string | null = null;
      for (const [rawName, rawValue] of Object.entries(attrs)) {
        const attr = rawName.replace(/^@_/, "").toLowerCase();
        const val = String(rawValue);
        if (attr === "id") id = val.trim();
        if ((attr === "href" || attr === "xlink:href") && internalRef(val)) refs.push(val.trim().slice(1));
        for (const m of val.matchAll(/url\(\s*['"]?#([^'")\s]+)/gi)) refs.push(m[1]!);
      }
      const name = key.replace(/^svg:/, "").toLowerCase();
      if (name === "style") {
        const css = (value as Node[]).map((c) => String(c["#text"] ?? "")).join("");
        for (const m of css.matchAll(/url\(\s*['"]?#([^'")\s]+)/gi)) refs.push(m[1]!);
      }
      out.push({ name, id, refs, children: toElements(value as Node[]) });
    }
  }
  return out;
}

/** Why the references of the SVG could make a renderer draw too much, or null. */
function checkReferences(roots: SvgElement[]): string | null {
  const byId = new Map<string, SvgElement>();
  let uses = 0;
  const all: SvgElement[] = [];
  const stack = [...roots];
  while (stack.length) {
    const el = stack.pop()!;
    all.push(el);
    if (el.name === "use") uses++;
    if (el.id && !byId.has(el.id)) byId.set(el.id, el);
    stack.push(...el.children);
  }
  if (uses > MAX_SVG_USES) return `Das SVG enthält zu viele Wiederholungen (<use>, höchstens ${MAX_SVG_USES}).`;
  const containsUse = new Map<SvgElement, boolean>();
  const hasUse = (el: SvgElement): boolean => {
    let found = containsUse.get(el);
    if (found === undefined) {
      found = el.name === "use" || el.children.some(hasUse);
      containsUse.set(el, found);
    }
    return found;
  };
  for (const el of all) {
    if (el.name !== "use") continue;
    const target = el.refs[0] ? byId.get(el.refs[0]) : undefined;
    if (target && hasUse(target)) {
      return "Das SVG enthält verkettete Verweise (<use> auf ein Element, das selbst <use> enthält). Bitte speichern Sie das Logo als einfaches SVG ohne verschachtelte Wiederholungen.";
    }
  }
  // Size once expanded: every element counts, a reference counts as its target; a cycle is refused.
  const cost = new Map<SvgElement, number>();
  const visiting = new Set<SvgElement>();
  const tooMuch = MAX_SVG_EXPANSION + 1;
  let cycle = false;
  const expand = (el: SvgElement): number => {
    const known = cost.get(el);
    if (known !== undefined) return known;
    if (visiting.has(el)) {
      cycle = true;
      return tooMuch;
    }
    visiting.add(el);
    let total = 1;
    for (const child of el.children) total = Math.min(tooMuch, total + expand(child));
    for (const ref of el.refs) {
      const target = byId.get(ref);
      if (target) total = Math.min(tooMuch, total + expand(target));
    }
    visiting.delete(el);
    cost.set(el, total);
    return total;
  };
  const sum = roots.reduce((n, r) => n + expand(r), 0);
  if (cycle) return "Das SVG enthält einen Verweis auf sich selbst (Kreisverweis).";
  if (sum > MAX_SVG_EXPANSION) return `Das SVG ist zu aufwendig: ausgeschrieben mehr als ${MAX_SVG_EXPANSION.toLocaleString("de-DE")} Elemente.`;
  return null;
}

function checkSvg(bytes: Buffer): LogoCheck {
  const text = bytes.toString("utf8");
  if (!text.isWellFormed() || text.includes("\u0000")) return { ok: false, error: "Die SVG-Datei ist kein gültiger UTF-8-Text." };
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, error: "Das SVG enthält eine DOCTYPE- oder ENTITY-Deklaration, die nicht erlaubt ist." };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, error: `Die SVG-Datei ist kein gültiges XML (Zeile ${valid.err.line}).` };
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, processEntities: false, allowBooleanAttributes: true, commentPropName: "#comment" });
  const tree = (parser.parse(text) as Node[]).map((n) => Object.fromEntries(Object.entries(n).filter(([k]) => k !== "#comment")));
  const roots = tree.flatMap((n) => Object.keys(n).filter((k) => k !== ":@" && k !== "#text" && k !== "?xml"));
  if (roots.length !== 1 || roots[0]!.replace(/^svg:/, "").toLowerCase() !== "svg") return { ok: false, error: "Die Datei ist kein SVG-Bild." };
  const stripComments = (nodes: Node[]): Node[] =>
    nodes
      .filter((n) => !("#comment" in n))
      .map((n) => Object.fromEntries(Object.entries(n).map(([k, v]) => [k, Array.isArray(v) ? stripComments(v as Node[]) : v])));
  const clean = stripComments(tree);
  const problem = checkSvgTree(clean) ?? checkReferences(toElements(clean));
  if (problem) return { ok: false, error: problem };
  return { ok: true, mediaType: "image/svg+xml", bytes };
}

/** Check an uploaded logo by its content (the file name and browser-sent type are not trusted). */
export function checkLogo(bytes: Buffer): LogoCheck {
  if (bytes.length === 0) return { ok: false, error: "Die Datei ist leer." };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, error: `Das Logo darf höchstens ${MAX_LOGO_BYTES / 1024} KB groß sein.` };
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return checkPng(bytes);
  const head = bytes.subarray(0, 1024).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) return checkSvg(bytes);
  return { ok: false, error: "Bitte ein Logo als PNG- oder SVG-Datei hochladen." };
}
