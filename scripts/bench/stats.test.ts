import { describe, expect, it } from "vitest";
import { formatSpread, pct, samplesFor, spread } from "./stats";

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("benchmark statistics", () => {
  it("refuses a p95 of fewer than 20 samples, where it would only be the maximum", () => {
    expect(() => pct(oneTo(10), 95)).toThrow("p95 braucht mindestens 20 Messwerte, es sind 10");
    expect(() => pct(oneTo(19), 95)).toThrow("p95 braucht mindestens 20 Messwerte, es sind 19");
    expect(pct(oneTo(20), 95)).toBe(19);
  });

  it("takes the nearest rank, never the maximum when there are enough samples", () => {
    expect(pct(oneTo(100), 95)).toBe(95);
    expect(pct(oneTo(100), 50)).toBe(50);
    expect(pct([30, 10, 20], 50)).toBe(20);
    expect(pct(oneTo(100), 99)).toBe(99);
    expect(() => pct(oneTo(99), 99)).toThrow("p99 braucht mindestens 100 Messwerte");
  });

  it("refuses a median of a single sample", () => {
    expect(samplesFor(50)).toBe(2);
    expect(() => pct([42], 50)).toThrow("p50 braucht mindestens 2 Messwerte, es sind 1");
    expect(() => spread([42])).toThrow("p50 braucht mindestens 2 Messwerte");
  });

  it("gives median and spread of a handful of samples", () => {
    expect(spread([530, 398, 412, 405, 420])).toEqual({ n: 5, medianMs: 412, minMs: 398, maxMs: 530 });
    expect(formatSpread([530, 398, 412, 405, 420])).toBe("412 ms (Median aus 5, 398–530 ms)");
  });
});
