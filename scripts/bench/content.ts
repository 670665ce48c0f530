/** Generated concept text for the benchmarks: German-looking paragraphs, about 3,000 characters a page. */

export type Doc = { type: string; content: { type: string; attrs?: Record<string, unknown>; content?: { type: string; text?: string }[] }[] };

const WORDS = "Integration Sprache Arbeit Ausbildung Bildung Wohnen Teilhabe Gesundheit Beratung Kommune Netzwerk Angebot Zugewanderte Quartier Förderung Maßnahme Ziel Ehrenamt Schule Kita".split(" ");

export function paragraph(seed: number, words = 90) {
  let s = "";
  for (let i = 0; i < words; i++) s += `${WORDS[(seed * 7 + i * 13) % WORDS.length]}${i % 12 === 11 ? ". " : " "}`;
  return { type: "paragraph", content: [{ type: "text", text: s.trim() }] };
}

/** About `pages` A4 pages of text as one document. */
export function bigDoc(pages: number, seed: number): Doc {
  const paragraphs = Math.round((pages * 3000) / 650);
  const content: Doc["content"] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 8 === 0) content.push({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: `Abschnitt ${seed}.${i / 8 + 1}` }] });
    content.push(paragraph(seed + i));
  }
  return { type: "doc", content };
}
