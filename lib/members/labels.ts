import type { MunicipalityKind } from "@/db/schema";

/** German names of the administrative levels (DESIGN.md "Words"). */
export const MUNICIPALITY_KIND_LABELS: Record<MunicipalityKind, string> = {
  city: "kreisfreie Stadt",
  county: "Landkreis",
  town: "kreisangehörige Gemeinde",
};

export const MUNICIPALITY_KINDS: readonly MunicipalityKind[] = ["city", "county", "town"];

/**
 * The 16 Länder, ordered by the first two digits of the Amtlicher
 * Gemeindeschlüssel (01 Schleswig-Holstein … 16 Thüringen).
 */
export const GERMAN_STATES = [
  "Schleswig-Holstein",
  "Hamburg",
  "Niedersachsen",
  "Bremen",
  "Nordrhein-Westfalen",
  "Hessen",
  "Rheinland-Pfalz",
  "Baden-Württemberg",
  "Bayern",
  "Saarland",
  "Berlin",
  "Brandenburg",
  "Mecklenburg-Vorpommern",
  "Sachsen",
  "Sachsen-Anhalt",
  "Thüringen",
] as const;

export type GermanState = (typeof GERMAN_STATES)[number];

/** The Land code an AGS starts with ("01" … "16"). */
export function stateAgsPrefix(state: GermanState): string {
  return String(GERMAN_STATES.indexOf(state) + 1).padStart(2, "0");
}

/** The Land an AGS belongs to, or null when its first two digits name none. */
export function stateOfAgs(ags: string): GermanState | null {
  const code = Number(ags.slice(0, 2));
  return GERMAN_STATES[code - 1] ?? null;
}
