import { readIndicatorNumber } from "./number";

/*
 * Progress of an indicator toward its target (Zielerreichung), from its
 * baseline, its target and its Ist-Werte. Pure; the page, the Sachstandsbericht
 * and the Fortschreibung read it from here.
 *
 * Numeric when baseline and target are numbers and differ: the share of the way
 * from baseline to target the latest value has gone, in percent, clamped to
 * 0–100 (a value past the target is 100, one on the wrong side of the baseline
 * is 0), in the direction the target sets (a lower target counts down, e.g.
 * waiting weeks). Otherwise a status: whether and what was recorded.
 */

export type ObservedValue = { observedOn: string; number: number | null; text: string };

export type NumericState = "reached" | "progress" | "no_progress" | "no_value";
export type Progress =
  | {
      kind: "numeric";
      direction: "increase" | "decrease";
      baseline: number;
      target: number;
      latest: ObservedValue | null;
      /** 0–100, whole percent; null without a numeric value */
      percent: number | null;
      state: NumericState;
    }
  | {
      kind: "status";
      /** why there is no percentage */
      reason: "not_numeric" | "target_is_baseline";
      latest: ObservedValue | null;
      state: "recorded" | "no_value";
    };

/** The latest value: the last day; of one day, the one entered last (the caller's order). */
export function latestValue<T extends ObservedValue>(values: readonly T[]): T | null {
  let latest: T | null = null;
  for (const v of values) if (!latest || v.observedOn >= latest.observedOn) latest = v;
  return latest;
}

/** True when baseline and target allow a percentage (both numbers, and not the same). */
export function isNumericIndicator(indicator: { baseline: string; target: string }): boolean {
  const baseline = readIndicatorNumber(indicator.baseline);
  const target = readIndicatorNumber(indicator.target);
  return baseline !== null && target !== null && baseline !== target;
}

export function indicatorProgress(indicator: { baseline: string; target: string }, values: readonly ObservedValue[]): Progress {
  const baseline = readIndicatorNumber(indicator.baseline);
  const target = readIndicatorNumber(indicator.target);
  const latest = latestValue(values);
  if (baseline === null || target === null || baseline === target) {
    return { kind: "status", reason: baseline !== null && baseline === target ? "target_is_baseline" : "not_numeric", latest, state: latest ? "recorded" : "no_value" };
  }
  const direction = target > baseline ? "increase" : "decrease";
  const numeric = latestValue(values.filter((v) => v.number !== null));
  if (!numeric) return { kind: "numeric", direction, baseline, target, latest, percent: null, state: "no_value" };
  const share = (numeric.number! - baseline) / (target - baseline);
  // "unter 12" (or "< 12", "über 40") is met only past the number: 12 itself is not below 12.
  const strict = /^\s*(unter|über|<|>)/i.test(indicator.target) && numeric.number === target;
  const state: NumericState = share >= 1 && !strict ? "reached" : share > 0 ? "progress" : "no_progress";
  // 99.6 % of the way is not "100 %" while the target is not reached: rounding never claims the target.
  const percent = state === "reached" ? 100 : Math.min(99, Math.round(Math.max(0, share) * 100));
  return { kind: "numeric", direction, baseline, target, latest: numeric, percent, state };
}

/** True when an indicator has not reached its target: numeric and not reached (with or without a value), for the Fortschreibung. */
export function missedTarget(progress: Progress): boolean {
  return progress.kind === "numeric" && progress.state !== "reached";
}
