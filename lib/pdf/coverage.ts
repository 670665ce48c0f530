/**
 * Which characters the shipped fonts can print. PDF/UA-1 refuses a document
 * with a character no font has (an emoji, a Chinese name), so such characters
 * are replaced before typesetting instead of failing the whole export.
 * Reads the fonts' cmap tables (formats 4 and 12) once per process.
 */
import fs from "node:fs";
import path from "node:path";

/** Fonts whose union is searched; the template uses the same families (Noto Sans, then DejaVu Sans). */
export const COVERAGE_FONTS = ["NotoSans-Regular.ttf", "DejaVuSans.ttf"];
/** Printed instead of a character no font has. */
export const REPLACEMENT = "□";

/** Code points mapped by a TrueType/OpenType font's cmap. */
export function cmapCodePoints(font: Buffer): Set<number> {
  const out = new Set<number>();
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (font.toString("latin1", rec, rec + 4) === "cmap") cmap = font.readUInt32BE(rec + 8);
  }
  if (cmap < 0) return out;
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(rec);
    const encoding = font.readUInt16BE(rec + 2);
    if (platform !== 3 && platform !== 0) continue;
    if (platform === 3 && encoding !== 1 && encoding !== 10) continue;
    const at = cmap + font.readUInt32BE(rec + 4);
    const format = font.readUInt16BE(at);
    if (format === 4) {
      const segX2 = font.readUInt16BE(at + 6);
      const ends = at + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const offsets = deltas + segX2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = font.readUInt16BE(ends + s * 2);
        const start = font.readUInt16BE(starts + s * 2);
        const delta = font.readInt16BE(deltas + s * 2);
        const rangeOffset = font.readUInt16BE(offsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const g = font.readUInt16BE(offsets + s * 2 + rangeOffset + (c - start) * 2);
            glyph = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = font.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const rec12 = at + 16 + g * 12;
        const start = font.readUInt32BE(rec12);
        const end = font.readUInt32BE(rec12 + 4);
        const startGlyph = font.readUInt32BE(rec12 + 8);
        for (let c = start; c <= end; c++) if (startGlyph + (c - start) !== 0) out.add(c);
      }
    }
  }
  return out;
}

const globalForCoverage = globalThis as unknown as { konzeptwerkPdfCoverage?: Set<number> };

/** The union of the shipped fonts' characters (cached). */
export function fontCoverage(fontsDir: string): Set<number> {
  if (globalForCoverage.konzeptwerkPdfCoverage) return globalForCoverage.konzeptwerkPdfCoverage;
  const all = new Set<number>();
  for (const name of COVERAGE_FONTS) {
    const file = `${fontsDir}${path.sep}${name}`;
    // Read at run time from the repository; nothing for the bundler to trace.
    for (const c of cmapCodePoints(fs.readFileSync(/* turbopackIgnore: true */ file))) all.add(c);
  }
  globalForCoverage.konzeptwerkPdfCoverage = all;
  return all;
}

// Whitespace and joiners print as nothing and need no glyph.
const INVISIBLE = /[\u0009\u000a\u000d\u00ad\u200b-\u200f\u2028\u2029\u2060\ufe0e\ufe0f]/u;

/** Replace each character no shipped font has (one replacement per grapheme-ish run of unsupported code points). */
export function printable(text: string, covered: ReadonlySet<number>): string {
  let out = "";
  let replaced = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (covered.has(cp) || INVISIBLE.test(ch)) {
      out += ch;
      replaced = false;
    } else if (!replaced) {
      // A skin-tone modifier or flag pair after an emoji is not a second symbol.
      out += REPLACEMENT;
      replaced = true;
    }
  }
  return out;
}

/** A deep copy of JSON data with every string printable, except the keys named (link targets, node types). */
export function printableData<T>(value: T, covered: ReadonlySet<number>, keep: ReadonlySet<string> = new Set(["href", "type", "logo"])): T {
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === "string") return key !== null && keep.has(key) ? v : printable(v, covered);
    if (Array.isArray(v)) return v.map((x) => walk(x, null));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value, null) as T;
}
