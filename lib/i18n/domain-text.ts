import { DEFAULT_LOCALE } from "./config";

/**
 * Text the domain (lib/) produces in German — error messages, labels of
 * comparisons and peer groups — in the UI language.
 *
 * lib/ keeps writing German: it is the language of the concept, of the PDF and
 * of the exports, and the default of the UI. The "domain" namespace of the
 * catalogues holds each such German text (de.json, exactly as lib/ writes it)
 * beside its translation (en.json). A text with `{name}` placeholders matches
 * the German with any value there ("Version {number} gibt es nicht."); the
 * values are translated too when they are themselves a known text (a status,
 * a level), and otherwise kept (a title, a number). A text the catalogue does
 * not know stays German, never empty.
 */
export type DomainText = (german: string) => string;

type Tree = { [key: string]: string | Tree };
type Pattern = { regex: RegExp; names: string[]; target: string };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[full, value] as [string, string]] : leaves(value, full);
  });
}

const PLACEHOLDER = /\{(\w+)\}/;
/** A fresh global copy each time: a shared /g regex keeps its position between calls (matchAll starts there). */
const placeholders = () => new RegExp(PLACEHOLDER.source, "g");
/** ICU escapes: '' is one apostrophe; '{…}' quoted text is literal. The domain texts use neither, but a German apostrophe must survive. */
const unescape = (icu: string) => icu.replace(/''/g, "'");
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(german: string, target: string): Pattern {
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const m of german.matchAll(placeholders())) {
    source += escapeRegex(unescape(german.slice(last, m.index))) + "([\\s\\S]+?)";
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  source += escapeRegex(unescape(german.slice(last)));
  return { regex: new RegExp(`^${source}$`), names, target: unescape(target) };
}

/**
 * The parts of a catalogue the domain's texts are looked up in: its own texts
 * ("domain") and the names lib/ shares with the UI (enumeration labels,
 * template titles), which then need no second copy in "domain".
 */
export function domainTrees(messages: { domain: Tree; labels: Tree; template: Tree }): Tree {
  return { domain: messages.domain, labels: messages.labels, template: messages.template };
}

const cache = new WeakMap<Tree, DomainText>();

/**
 * The translator for one locale, from the "domain" namespaces of de.json and
 * the locale's catalogue. German (or a locale without a catalogue entry) gives
 * the text back unchanged.
 */
export function domainTextFor(locale: string, german: Tree, translated: Tree): DomainText {
  if (locale === DEFAULT_LOCALE) return (text) => text;
  const known = cache.get(translated);
  if (known) return known;
  const targets = new Map(leaves(translated));
  const exact = new Map<string, string>();
  const patterns: Pattern[] = [];
  for (const [key, de] of leaves(german)) {
    const target = targets.get(key);
    if (!target) continue;
    if (PLACEHOLDER.test(de)) patterns.push(compile(de, target));
    else exact.set(unescape(de), unescape(target));
  }
  // The most specific pattern first: more literal text, fewer free places.
  const literal = (p: Pattern) => p.regex.source.replace(/\(\[\\s\\S\]\+\?\)/g, "").length;
  patterns.sort((a, b) => literal(b) - literal(a));

  const translate = (text: string, depth: number): string => {
    const hit = exact.get(text);
    if (hit !== undefined) return hit;
    if (depth > 2) return text;
    for (const p of patterns) {
      const m = p.regex.exec(text);
      if (!m) continue;
      const values = Object.fromEntries(p.names.map((name, i) => [name, translate(m[i + 1]!, depth + 1)]));
      return p.target.replace(placeholders(), (whole, name: string) => values[name] ?? whole);
    }
    return text;
  };
  const result: DomainText = (text) => translate(text, 0);
  cache.set(translated, result);
  return result;
}
