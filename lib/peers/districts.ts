/**
 * The 401 German Kreise (kreisfreie Städte, Stadtkreise, Landkreise, Kreise,
 * Regionalverband) with their population, from the npm package
 * `landkreise-deutschland` (Destatis, Gemeindeverzeichnis, Stand 31.12.2018;
 * licence CC BY 4.0). Its JavaScript entry point needs a file the package does
 * not ship, so the CSV is read directly. Used for the shape of the synthetic
 * demo peers (kind and population only, never a name) and as a list of place
 * names for the library's text check.
 */
import fs from "node:fs";
import path from "node:path";
import type { Level } from "./groups";

export type District = { ags: string; type: string; name: string; population: number; level: Level };

export const DISTRICTS_ATTRIBUTION =
  "Kreisdaten: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Stand 31.12.2018, Lizenz CC BY 4.0 – über das npm-Paket landkreise-deutschland";

let cached: District[] | null = null;

export function loadDistricts(): District[] {
  if (cached) return cached;
  const file = path.join(process.cwd(), "node_modules", "landkreise-deutschland", "data", "districts.csv");
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/).filter(Boolean);
  const [header, ...rows] = lines;
  const cols = header!.split(";");
  const at = (name: string) => cols.indexOf(name);
  cached = rows.map((line) => {
    const cells = line.split(";");
    const type = cells[at("type")]!;
    return {
      ags: cells[at("AGS")]!,
      type,
      name: cells[at("name")]!,
      population: Number(cells[at("population")]),
      level: type === "Kreisfreie Stadt" || type === "Stadtkreis" ? "city" : "county",
    };
  });
  return cached;
}

/**
 * Place names of the Kreise without their suffixes ("Kiel, Landeshauptstadt" → "Kiel"; "Landkreis" prefixes stay off).
 * Three letters are enough: "Ulm" and "Hof" name a city each (the check matches them case-sensitively, so "Hof" as in
 * "auf dem Hof" is flagged too, and the text is reworded once rather than a city named).
 */
export function placeNames(): string[] {
  const names = new Set<string>();
  for (const d of loadDistricts()) {
    const base = d.name.split(",")[0]!.trim();
    for (const part of base.split(/\s+(?:i\.\s*d\.|an der|am|in der|im)\s+|\s*\/\s*|-(?=[A-ZÄÖÜ])/)) {
      const clean = part.replace(/^(Landkreis|Kreis|Stadtkreis|Regionalverband)\s+/, "").trim();
      if (clean.length >= 3 && !NOT_A_PLACE.has(clean)) names.add(clean);
    }
    names.add(base);
  }
  return [...names];
}

/** Pieces of Kreis names that name no place on their own ("Neu-Ulm" → "Neu", "Groß-Gerau" → "Groß", a word that starts many sentences). */
const NOT_A_PLACE = new Set(["Neu", "Kreis", "Groß"]);
