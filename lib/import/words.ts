/**
 * Words as the import report counts them: runs of letters or digits (with
 * inner hyphens, apostrophes, dots and commas, so "12.500", "z. B." parts and
 * "Kita-Plätze" count once). Punctuation, bullets and dashes are no words.
 */
const WORD = /[\p{L}\p{N}]+(?:[-'’.,/][\p{L}\p{N}]+)*/gu;

export function wordsOf(text: string): string[] {
  return text.normalize("NFC").match(WORD) ?? [];
}

export function countWords(text: string): number {
  return wordsOf(text).length;
}

/**
 * The words of `source` that `placed` lacks, as a multiset difference, in
 * the order they stand in the source: what the report lists when the counts
 * differ.
 */
export function missingWords(source: string, placed: string): string[] {
  const have = new Map<string, number>();
  for (const w of wordsOf(placed)) have.set(w, (have.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of wordsOf(source)) {
    const n = have.get(w) ?? 0;
    if (n > 0) have.set(w, n - 1);
    else missing.push(w);
  }
  return missing;
}
