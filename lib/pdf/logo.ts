/**
 * Checking an uploaded logo before it is stored (pure). A PNG must be a real
 * PNG (signature, IHDR, sane size); an SVG must be well-formed XML whose every
 * element and attribute is on an allowlist of drawing features: no scripts,
 * no event handlers, no foreignObject, no DOCTYPE/entities, no reference to
 * anything outside the file (href and url() only to "#id" in the same file).
 * Anything else is rejected with a German message, not silently cleaned, so
 * the admin sees what the PDF will show.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

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

function checkPng(bytes: Buffer): LogoCheck {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") {
    return { ok: false, error: "Die Datei ist kein gültiges PNG-Bild." };
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > 4000 || height > 4000) return { ok: false, error: "Das Bild darf höchstens 4000 × 4000 Pixel groß sein." };
  if (bytes.indexOf("IEND", bytes.length - 12, "latin1") < 0) return { ok: false, error: "Die PNG-Datei ist unvollständig." };
  return { ok: true, mediaType: "image/png", bytes };
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
  const problem = checkSvgTree(stripComments(tree));
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
