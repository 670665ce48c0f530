/**
 * Reading a served PDF back with poppler and qpdf, the way a council's document
 * system or a screen reader sees it: page texts, the catalogue, the XMP
 * metadata, the structure elements and the images.
 */
import { execFileSync } from "node:child_process";
import { XMLParser } from "fast-xml-parser";

export const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** The text of every page (pdftotext's form feed separates pages; the last piece after the final one is empty). */
export function pageTexts(file: string, layout = false) {
  const pages = run("pdftotext", ...(layout ? ["-layout"] : []), file, "-").split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

type QpdfObject = { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } };

/** The catalogue, the XMP metadata and all objects of the PDF, through qpdf's JSON (with stream data). */
export function pdfStructure(file: string) {
  const json = JSON.parse(run("qpdf", "--json", "--json-key=qpdf", "--json-stream-data=inline", file)) as { qpdf: [unknown, Record<string, QpdfObject>] };
  const objects = json.qpdf[1];
  const get = (ref: unknown) => objects[`obj:${String(ref)}`];
  const trailer = (objects.trailer!.value ?? {}) as Record<string, unknown>;
  const catalog = get(trailer["/Root"])!.value as Record<string, unknown>;
  const metadata = get(catalog["/Metadata"])?.stream;
  const xmpText = metadata?.data ? Buffer.from(metadata.data, "base64").toString("utf8") : "";
  const xmp = new XMLParser({ ignoreAttributes: true, removeNSPrefix: false }).parse(xmpText) as Record<string, unknown>;
  const dicts = Object.values(objects).map((o) => (o.stream ? o.stream.dict : o.value) as Record<string, unknown> | undefined);
  const structElems = dicts.filter((d): d is Record<string, unknown> => !!d && typeof d === "object" && d["/Type"] === "/StructElem");
  const structTreeRoot = get(catalog["/StructTreeRoot"])?.value as Record<string, unknown> | undefined;
  return { catalog, xmpText, xmp, structTreeRoot, structElems };
}

/** The XMP `pdfuaid:part`, wherever the description sits in the RDF. */
export function pdfUaPart(xmp: unknown): unknown {
  if (!xmp || typeof xmp !== "object") return undefined;
  for (const [key, value] of Object.entries(xmp)) {
    if (key === "pdfuaid:part") return value;
    const inner = pdfUaPart(value);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The raster images poppler finds (`pdfimages -list`): page, type, width and height of each. */
export function images(file: string) {
  return run("pdfimages", "-list", file)
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const [page, , type, width, height] = l.trim().split(/\s+/);
      return { page: Number(page), type, width: Number(width), height: Number(height) };
    });
}

/** A qpdf string value ("u:…" or "b:…") as text. */
export const qpdfText = (v: unknown) => (typeof v === "string" ? v.replace(/^u:/, "") : undefined);
