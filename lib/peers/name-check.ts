/**
 * The check before a measure is shared in the peer library: does its title or
 * description name the own municipality, a place, a person, or give contact
 * details? Pure, given the list of place names (the Kreise of Germany from
 * `landkreise-deutschland`) — a heuristic that flags, it cannot prove absence.
 */

export type NameFlag = { kind: "own_name" | "place" | "person" | "contact"; text: string };

export const FLAG_LABELS: Record<NameFlag["kind"], string> = {
  own_name: "Name Ihrer Kommune",
  place: "Ortsname",
  person: "Personenname",
  contact: "Kontaktangabe",
};

const GENERIC = new Set(["stadt", "landkreis", "kreis", "gemeinde", "markt", "hansestadt", "landeshauptstadt", "kreisfreie", "große", "kreisstadt", "universitätsstadt", "verbandsgemeinde", "samtgemeinde", "regionalverband", "stadtkreis"]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A whole-word match (letters of any script count as word characters). */
const wordRegex = (word: string, flags = "u") => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, flags);

export function checkShareText(text: string, ctx: { municipalityName: string; placeNames: readonly string[] }): NameFlag[] {
  const flags: NameFlag[] = [];
  const add = (kind: NameFlag["kind"], found: string) => {
    if (!flags.some((f) => f.kind === kind && f.text === found)) flags.push({ kind, text: found });
  };
  // the own municipality's name, and each distinctive word of it ("Landkreis Beispielkreis" → "Beispielkreis")
  const own = ctx.municipalityName.trim();
  const ownWords = own.split(/[\s,/()]+/).filter((w) => w.length >= 4 && !GENERIC.has(w.toLowerCase()));
  for (const w of new Set([own, ...ownWords])) {
    const m = wordRegex(w, "iu").exec(text);
    if (m) add("own_name", m[0]);
  }
  // place names (case-sensitive: "Essen" the city, "essen" the verb is lower case mid-sentence)
  for (const place of ctx.placeNames) {
    if (place.length < 4 || !text.includes(place)) continue;
    const m = wordRegex(place).exec(text);
    if (m && !flags.some((f) => f.kind === "own_name" && f.text.toLowerCase() === m[0].toLowerCase())) add("place", m[0]);
  }
  // persons: a title or form of address followed by a name
  for (const m of text.matchAll(/(?<![\p{L}])(?:Herrn?|Frau|Dr\.|Prof\.|Bürgermeisterin|Bürgermeister|Landrätin|Landrat)\s+(?:(?:Dr\.|Prof\.)\s+)?[A-ZÄÖÜ][\p{Ll}ß]+(?:-[A-ZÄÖÜ][\p{Ll}ß]+)?/gu)) add("person", m[0]);
  // contact details
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) add("contact", m[0]);
  for (const m of text.matchAll(/(?:\+49|\b0)\d{2,5}[\s/-]?\d{3,}(?:[\s-]?\d+)*/g)) add("contact", m[0].trim());
  return flags;
}
