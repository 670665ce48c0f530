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

/** Short words of names that name no place ("Bad Homburg", "Frankfurt Am Main" written so, "Neu Wulmstorf"). */
const SHORT_GENERIC = new Set(["Am", "An", "Im", "In", "Ob", "Bad", "Neu", "Alt", "Der", "Die", "Das", "Den", "Dem", "Und", "Vor", "Auf", "Zum", "Zur", "Ost", "Süd", "See", "Tal"]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A whole-word match (letters of any script count as word characters). */
const wordRegex = (word: string, flags = "u") => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, flags);

/** The spelling without umlauts that addresses and keyboards use: "München" → "Muenchen", "Gießen" → "Giessen". */
function transliterated(name: string): string {
  const map: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss" };
  return name.replace(/[äöüÄÖÜß]/g, (c) => map[c]!);
}

/** The forms of a name a text may carry: as written, in capitals, and without umlauts (both ways). */
function spellings(name: string): string[] {
  const plain = transliterated(name);
  return [...new Set([name, name.toUpperCase(), plain, plain.toUpperCase()])];
}

export function checkShareText(text: string, ctx: { municipalityName: string; placeNames: readonly string[] }): NameFlag[] {
  const flags: NameFlag[] = [];
  const add = (kind: NameFlag["kind"], found: string) => {
    if (!flags.some((f) => f.kind === kind && f.text === found)) flags.push({ kind, text: found });
  };
  // the own municipality's name, and each distinctive word of it ("Landkreis Beispielkreis" → "Beispielkreis")
  const own = ctx.municipalityName.trim();
  const words = own.split(/[\s,/()]+/);
  const ownWords = words.filter((w) => w.length >= 4 && !GENERIC.has(w.toLowerCase()));
  for (const w of new Set([own, ...ownWords].flatMap((x) => [x, transliterated(x)]))) {
    const m = wordRegex(w, "iu").exec(text);
    if (m) add("own_name", m[0]);
  }
  // A short name ("Au", "Ulm", "Hof"): a capitalised word of its own, found as written or in capitals only (in any case,
  // "au" or "am" would be found in every other sentence).
  for (const w of new Set(words.filter((w) => /^\p{Lu}\p{Ll}{1,2}$/u.test(w) && !SHORT_GENERIC.has(w)))) {
    const m = wordRegex(w).exec(text) ?? wordRegex(w.toUpperCase()).exec(text);
    if (m) add("own_name", m[0]);
  }
  // place names (case-sensitive: "Essen" the city, "essen" the verb is lower case mid-sentence; but "ESSEN" and
  // "Muenchen" are the cities too)
  for (const place of ctx.placeNames) {
    for (const form of spellings(place)) {
      if (!text.includes(form)) continue;
      const m = wordRegex(form).exec(text);
      if (m && !flags.some((f) => f.kind === "own_name" && f.text.toLowerCase() === m[0].toLowerCase())) add("place", m[0]);
    }
  }
  // persons: a title or form of address followed by a name
  for (const m of text.matchAll(/(?<![\p{L}])(?:Herrn?|Frau|Dr\.|Prof\.|Bürgermeisterin|Bürgermeister|Landrätin|Landrat)\s+(?:(?:Dr\.|Prof\.)\s+)?[A-ZÄÖÜ][\p{Ll}ß]+(?:-[A-ZÄÖÜ][\p{Ll}ß]+)?/gu)) add("person", m[0]);
  // contact details
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) add("contact", m[0]);
  // web addresses: a link, or a domain such as "muenchen.de/integration" (an address names its owner)
  for (const m of text.matchAll(/(?:https?:\/\/|www\.)[^\s<>"')]+/giu)) add("contact", m[0].replace(/[.,;:]+$/, ""));
  for (const m of text.matchAll(/(?<![\p{L}\p{N}@.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:de|com|org|net|eu|info|bayern|nrw|berlin|hamburg|koeln|ruhr|saarland)(?:\/[^\s<>"')]*)?(?![\p{L}\p{N}])/giu)) {
    if (!flags.some((f) => f.kind === "contact" && f.text.includes(m[0]))) add("contact", m[0].replace(/[.,;:]+$/, ""));
  }
  for (const m of text.matchAll(/(?:\+49|\b0)\d{2,5}[\s/-]?\d{3,}(?:[\s-]?\d+)*/g)) add("contact", m[0].trim());
  return flags;
}
