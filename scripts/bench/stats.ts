/** Statistics for the benchmark scripts: percentiles only where the samples carry them. */

/**
 * Fewest samples for which the p-th percentile (nearest rank) is not simply the
 * maximum: 2 for the median, 20 for p95, 100 for p99.
 */
export const samplesFor = (p: number) => Math.ceil(100 / (100 - p));

/**
 * The p-th percentile (nearest rank) of a list of timings. Refuses when there are
 * too few samples for it to be more than the maximum: print the maximum as such.
 */
export const pct = (values: number[], p: number) => {
  if (values.length < samplesFor(p)) {
    throw new Error(`p${p} braucht mindestens ${samplesFor(p)} Messwerte, es sind ${values.length}: mehr messen oder das Maximum als Maximum angeben`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Median and spread of a handful of samples (browser loads, PDF runs), for printing and results.json. */
export function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, medianMs: round(pct(sorted, 50)), minMs: round(sorted[0]!), maxMs: round(sorted[sorted.length - 1]!) };
}

/** "412 ms (Median aus 5, 398–530 ms)" */
export function formatSpread(values: number[]) {
  const s = spread(values);
  return `${s.medianMs} ms (Median aus ${s.n}, ${s.minMs}–${s.maxMs} ms)`;
}

/** One decimal, for printing milliseconds. */
export const round = (n: number) => Math.round(n * 10) / 10;
