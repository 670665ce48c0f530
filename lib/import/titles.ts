/**
 * Where a heading of an imported file belongs in the template, from its title
 * alone: a chapter, a standard field of action or a part of a field. Pure; the
 * context (is the heading inside a field?) is decided by ./mapping.ts.
 */
export type TitleMatch =
  | { kind: "chapter"; key: string }
  | { kind: "field"; key: string }
  | { kind: "part"; key: "baseline" | "goal" | "subGoals" | "measures" }
  | null;

/** Lower case, umlauts folded, numbering ("3.2", "II.", "a)") and punctuation removed. */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/^\s*(?:kapitel\s+)?(?:[0-9ivx]+[.)]?\s*)+(?:[a-z][.)]\s+)?/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Some word of the title starts with one of the stems ("Sprachförderung" → "sprach"; "Zusammenarbeit" is no "arbeit"). */
const has = (title: string, ...stems: string[]) => stems.some((s) => title.startsWith(s) || title.includes(` ${s}`));

/** Parts of a field of action, checked first: "Teilziele" must not read as the field "Ziele". */
function partOf(t: string): TitleMatch {
  if (/^(?:teilziel|handlungsziel|ziele und massnahmen$|operative ziel|strategische teilziel)/.test(t)) return { kind: "part", key: "subGoals" };
  if (/^(?:massnahme|handlungsempfehlung|umsetzungsschritt|projekte? und massnahme)/.test(t)) return { kind: "part", key: "measures" };
  if (/^(?:leitziel|ziel(?:setzung)?$|uebergeordnetes ziel|leitlinie$)/.test(t)) return { kind: "part", key: "goal" };
  if (/^(?:ausgangslage|ausgangssituation|bestandsaufnahme|ist stand|situationsbeschreibung|sachstand|analyse)/.test(t)) {
    return { kind: "part", key: "baseline" };
  }
  return null;
}

function fieldOf(t: string): TitleMatch {
  if (has(t, "sprach", "deutschkurs", "integrationskurs")) return { kind: "field", key: "language" };
  if (has(t, "arbeit", "ausbildung", "beschaeftigung", "beruf", "erwerb")) return { kind: "field", key: "work" };
  if (has(t, "bildung", "kita", "schule", "kindertages", "fruehkindlich", "hochschul", "studium")) return { kind: "field", key: "education" };
  if (has(t, "wohn", "unterbringung", "unterkunft", "quartier")) return { kind: "field", key: "housing" };
  if (has(t, "gesundheit", "pflege", "medizin")) return { kind: "field", key: "health" };
  if (has(t, "teilhabe", "zusammenleben", "ehrenamt", "engagement", "sport", "kultur", "vereine")) return { kind: "field", key: "participation" };
  return null;
}

function chapterOf(t: string): TitleMatch {
  if (/^(?:anlass|auftrag|einleitung|vorwort|vorbemerkung|praeambel)/.test(t)) return { kind: "chapter", key: "mandate" };
  if (has(t, "leitbild", "integrationsverstaendnis", "leitlinien")) return { kind: "chapter", key: "vision" };
  if (/^(?:ausgangslage|ausgangssituation|bestandsaufnahme|daten und fakten|statistische|zahlen daten)/.test(t)) return { kind: "chapter", key: "baseline" };
  if (has(t, "steuerung", "organisation", "strukturen der integrationsarbeit", "gremien")) return { kind: "chapter", key: "governance" };
  if (/^(?:handlungsfelder|themenfelder|handlungsfeld(?:er)? und massnahmen)$/.test(t)) return { kind: "chapter", key: "fields" };
  if (has(t, "beteiligung", "partizipationsprozess", "erarbeitung")) return { kind: "chapter", key: "participation_process" };
  if (has(t, "finanzierung", "haushalt", "kosten und")) return { kind: "chapter", key: "funding" };
  if (has(t, "monitoring", "evaluation", "controlling", "berichtswesen")) return { kind: "chapter", key: "monitoring" };
  if (has(t, "fortschreibung", "ausblick")) return { kind: "chapter", key: "update" };
  if (has(t, "forderung", "erwartungen an land", "an land und bund")) return { kind: "chapter", key: "demands" };
  return null;
}

/**
 * The proposed place for a heading. `insideField` says whether it stands under
 * a field of action: there, "Ausgangslage" is the field's part, elsewhere the
 * chapter; a field's parts are only recognised inside a field.
 */
export function matchTitle(title: string, insideField = false): TitleMatch {
  const t = normaliseTitle(title);
  if (!t) return null;
  if (insideField) {
    const part = partOf(t);
    if (part) return part;
  }
  // "Teilhabe" is a field, "Beteiligungsprozess" a chapter: chapters first, but
  // a title naming a field ("Bildung und Beteiligung") stays the field.
  const chapter = chapterOf(t);
  const field = fieldOf(t);
  if (chapter && field) return chapter.key === "fields" ? chapter : field;
  return chapter ?? field;
}
