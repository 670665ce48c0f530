/**
 * ProseMirror's own messages (English, with internals) turned into German
 * sentences for the user; the part of the document they concern is named by the
 * editor's German word for it. Unknown messages get a general German sentence:
 * nothing English reaches the user.
 */
const NODE_NAMES: Record<string, string> = {
  doc: "Dokument",
  paragraph: "Absatz",
  heading: "Überschrift",
  text: "Text",
  hardBreak: "Zeilenumbruch",
  bulletList: "Aufzählung",
  orderedList: "nummerierte Liste",
  listItem: "Listenpunkt",
  blockquote: "Zitat",
  table: "Tabelle",
  tableRow: "Tabellenzeile",
  tableCell: "Tabellenzelle",
  tableHeader: "Kopfzelle",
  bold: "Fett",
  italic: "Kursiv",
  strike: "Durchgestrichen",
  underline: "Unterstrichen",
  link: "Link",
};

const name = (technical: string) => (Object.hasOwn(NODE_NAMES, technical) ? NODE_NAMES[technical] : `„${technical.slice(0, 40)}“`);

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Unknown node type: (.*)$/s, (m) => `einen Baustein ${name(m[1]!)}, den der Editor nicht kennt`],
  [/^There is no mark type (.*) in this schema$/s, (m) => `eine Formatierung ${name(m[1]!)}, die der Editor nicht kennt`],
  [/^Empty text nodes are not allowed$/, () => "einen leeren Textbaustein"],
  [/^Invalid content for node (\w+)/, (m) => `einen falsch aufgebauten Baustein (${name(m[1]!)})`],
  [/^Invalid collection of marks for node (\w+)/, (m) => `Formatierungen, die in ${name(m[1]!)} nicht erlaubt sind`],
  [/^Invalid text node in JSON$/, () => "einen Textbaustein ohne Text"],
  [/^Invalid column width$/, () => "eine ungültige Spaltenbreite in einer Tabelle"],
  [/^(Unsupported attribute|Expected value of type|No value supplied for attribute)/, () => "eine ungültige Eigenschaft eines Bausteins"],
];

/** "Der Text enthält …" completed in German for a ProseMirror error message. */
export function describeSchemaError(detail: string): string {
  for (const [pattern, describe] of RULES) {
    const m = pattern.exec(detail);
    if (m) return describe(m);
  }
  return "Inhalte in einem Format, das der Editor nicht kennt";
}
