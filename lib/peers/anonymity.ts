/**
 * The anonymity rules of the peer comparison (DESIGN.md "Peer comparison and
 * anonymity"), pure and deterministic:
 *
 * - a figure needs at least MIN_PEERS contributing peers other than the viewer;
 * - no single peer above DOMINANCE of a sum (funding);
 * - secondary suppression: a suppressed figure of a group cannot be computed
 *   from its level's figure minus the other groups', nor a level's from the
 *   total (complementary cells are suppressed too, or the parent is);
 * - distributions as quartiles (q1, median, q3), never min/max;
 * - every count and quantile is perturbed with noise seeded from the member set
 *   of the figure and the figure's id: asking again returns the same value,
 *   and a different member set (one peer more or less) gets independent noise.
 *
 * Structural suppression is decided on the full groups with one peer of margin
 * (MIN_PEERS + 1, dominance with any one peer left out), so that leaving out
 * whichever viewer never turns a shown figure into one below the rules.
 */
import { ORG_MODELS, type OrgModel } from "@/lib/concepts/setting-labels";
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from "@/lib/measures/labels";
import { STANDARD_FIELDS } from "@/lib/template";
import type { Level, PeerGroupDef } from "./groups";
import { LEVELS } from "./groups";
import { FIELD_KEYS, MEASURE_SHARES, type ConceptMetrics, type FundingSource, type MeasureShare } from "./metrics";

export const MIN_PEERS = 5;
export const DOMINANCE = 0.25;

/** One anonymised contribution of a published snapshot. */
export type Contribution = {
  /** pseudonymous member key (HMAC of the municipality with the installation's secret), uint32; seeds the noise */
  memberKey: number;
  groupKey: string;
  level: Level;
  /** only to leave the viewer out; never leaves the server */
  municipalityId: string | null;
  metrics: ConceptMetrics;
};

export type SuppressionReason = "too_few_peers" | "dominance" | "secondary";

export const SUPPRESSION_MESSAGES: Record<SuppressionReason, string> = {
  too_few_peers: "zu wenige Vergleichskommunen",
  dominance: "ein einzelner Beitrag macht mehr als ein Viertel der Summe aus",
  secondary: "zurückgehalten, damit ein anderer zurückgehaltener Wert nicht errechnet werden kann",
};

export type Suppressed = { suppressed: true; reason: SuppressionReason; message: string };
export type ShareFigure = { suppressed: false; n: number; /** whole percent */ share: number };
export type QuartileFigure = { suppressed: false; n: number; q1: number; median: number; q3: number };

const suppressed = (reason: SuppressionReason): Suppressed => ({ suppressed: true, reason, message: SUPPRESSION_MESSAGES[reason] });

// ---------------------------------------------------------------------------
// Figures: what is computed over a set of contributions
// ---------------------------------------------------------------------------

type CountSpec = { id: string; kind: "count"; pred: (m: ConceptMetrics) => boolean };
type QuantSpec = { id: string; kind: "quartiles"; value: (m: ConceptMetrics, refYear: number) => number | null; step: number };
type SumSpec = { id: string; kind: "sum"; value: (m: ConceptMetrics) => number };
export type FigureSpec = CountSpec | QuantSpec | SumSpec;

export const FIGURES: readonly FigureSpec[] = [
  ...FIELD_KEYS.map((k): CountSpec => ({ id: `field.${k}.covered`, kind: "count", pred: (m) => m.fields[k]?.covered === true })),
  ...FIELD_KEYS.map((k): QuantSpec => ({ id: `field.${k}.measures`, kind: "quartiles", value: (m) => m.fields[k]?.measures ?? 0, step: 0.5 })),
  { id: "measures", kind: "quartiles", value: (m) => m.measures, step: 0.5 },
  ...MEASURE_SHARES.map((s): QuantSpec => ({ id: `share.${s}`, kind: "quartiles", value: (m) => m.shares[s], step: 0.05 })),
  ...FUNDING_SOURCES.map((s): SumSpec => ({ id: `funding.${s}`, kind: "sum", value: (m) => m.fundingCents[s] })),
  ...(Object.keys(ORG_MODELS) as OrgModel[]).map((o): CountSpec => ({ id: `orgModel.${o}`, kind: "count", pred: (m) => m.orgModel === o })),
  { id: "orgModel.none", kind: "count", pred: (m) => m.orgModel === null },
  { id: "wholeSociety", kind: "count", pred: (m) => m.wholeSociety === true },
  { id: "age", kind: "quartiles", value: (m, refYear) => (m.startYear === null ? null : Math.max(0, refYear - m.startYear)), step: 0.5 },
  { id: "updateCycle", kind: "quartiles", value: (m) => m.updateCycleYears, step: 0.5 },
];

// ---------------------------------------------------------------------------
// Seeded noise
// ---------------------------------------------------------------------------

/** 32-bit finaliser (MurmurHash3 fmix32): a well-mixed hash of an integer. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h >>> 0);
}

/** The seed of a member set: the sum of its member keys (order-independent, O(1) to leave one out). */
export function memberSeed(contributions: readonly Pick<Contribution, "memberKey">[]): number {
  let s = 0;
  for (const c of contributions) s = (s + c.memberKey) >>> 0;
  return s;
}

/**
 * A figure's own seed: the member set's and the figure's exact inputs. The same members with the same value get
 * the same noise (asking again, or a later snapshot, averages nothing away, also when one member changes another
 * of its figures); a changed value gets fresh noise, so two snapshots of the same members never show the change
 * exactly (a town whose adopted update is public would otherwise give away what changed in its figures).
 */
export function figureSeed(seed: number, exact: string): number {
  return (seed ^ hashString(exact)) >>> 0;
}

/** A uniform number in [0, 1) determined by the member set's seed and the figure. */
export function noiseUniform(seed: number, figureId: string, salt = 0): number {
  return fmix32((seed ^ hashString(figureId)) + Math.imul(salt + 1, 0x9e3779b9)) / 0x1_0000_0000;
}

/** Integer noise in −2…2 (uniform) for counts. */
export function countNoise(seed: number, figureId: string): number {
  return Math.floor(noiseUniform(seed, figureId) * 5) - 2;
}

/** Randomised rounding to a step, seeded: unbiased, and the same member set always rounds the same way. */
export function seededRound(value: number, step: number, seed: number, figureId: string, salt: number): number {
  const r = Math.floor(value / step + noiseUniform(seed, figureId, salt)) * step;
  return Math.round(r * 1000) / 1000;
}

/**
 * A published quartile: the value moved by seeded noise of up to one step either way, then rounded as above.
 * Rounding alone leaves a value that already lies on the step as it is, and a quartile of five whole numbers
 * (measures, years) is one peer's own value: without the noise it would be published exactly.
 */
export function noisyQuartile(value: number, step: number, seed: number, figureId: string, salt: number): number {
  const moved = value + step * (2 * noiseUniform(seed, `${figureId}.shift`, salt) - 1);
  return Math.max(0, seededRound(moved, step, seed, figureId, salt));
}

/**
 * The n of a quartile figure: how many peers have a value. When all do it is the group's n, published anyway; when
 * some do not, it is a count like any other (how many peers have no update cycle) and gets count noise, kept within
 * MIN_PEERS…group size. Seeded by the exact count only, so figures with the same count (the four measure shares)
 * show the same n and cannot be averaged.
 */
function publishedValueCount(withValue: number, groupSize: number, seed: number): number {
  if (withValue === groupSize) return groupSize;
  return Math.min(groupSize, Math.max(MIN_PEERS, withValue + countNoise(figureSeed(seed, String(withValue)), "quartiles.n")));
}

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------

/** Quantile with linear interpolation (type 7) of sorted values; never the min or max for 0 < p < 1 and n ≥ 5 unless values tie. */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}

/** True when one value exceeds `share` of the sum. */
export function dominated(values: readonly number[], share = DOMINANCE): boolean {
  let total = 0;
  let max = 0;
  for (const v of values) {
    total += v;
    if (v > max) max = v;
  }
  return total > 0 && max > share * total;
}

/**
 * Dominance with one peer of margin: is any peer above `share` of the sum once
 * any single other peer is left out (the viewer)? Checks the worst cases: the
 * largest without the second largest, and the second without the largest.
 */
export function dominatedLeavingOneOut(values: readonly number[], share = DOMINANCE): boolean {
  let total = 0;
  let first = 0;
  let second = 0;
  for (const v of values) {
    total += v;
    if (v > first) {
      second = first;
      first = v;
    } else if (v > second) second = v;
  }
  if (total <= 0) return false;
  if (first > share * total) return true;
  const withoutSecond = total - second;
  const withoutFirst = total - first;
  return (withoutSecond > 0 && first > share * withoutSecond) || (withoutFirst > 0 && second > share * withoutFirst);
}

// ---------------------------------------------------------------------------
// Primary rule of one figure over a set
// ---------------------------------------------------------------------------

/** Contributors that count towards a figure (those with a value). */
function contributorsOf(spec: FigureSpec, set: readonly Contribution[], refYear: number): number {
  if (spec.kind === "quartiles") return set.reduce((a, c) => a + (spec.value(c.metrics, refYear) === null ? 0 : 1), 0);
  return set.length;
}

/**
 * The primary rule: null when the figure may be shown over this set, else the
 * reason. `margin` is 1 for the structural check on full groups (a viewer may
 * still be left out), 0 for a viewer's set.
 */
export function primaryRule(spec: FigureSpec, set: readonly Contribution[], refYear: number, margin: 0 | 1): SuppressionReason | null {
  if (contributorsOf(spec, set, refYear) < MIN_PEERS + margin) return "too_few_peers";
  if (spec.kind === "sum") {
    const values = set.map((c) => spec.value(c.metrics));
    if (margin ? dominatedLeavingOneOut(values) : dominated(values)) return "dominance";
    const totals = set.map((c) => totalFunding(c.metrics));
    if (margin ? dominatedLeavingOneOut(totals) : dominated(totals)) return "dominance";
  }
  return null;
}

const totalFunding = (m: ConceptMetrics) => FUNDING_SOURCES.reduce((a, s) => a + m.fundingCents[s], 0);

// ---------------------------------------------------------------------------
// Structural (secondary) suppression over the hierarchy all → level → group
// ---------------------------------------------------------------------------

export type Cell = string; // "all" | "level:<level>" | "group:<key>"
export const cellOfGroup = (key: string): Cell => `group:${key}`;
export const cellOfLevel = (level: Level): Cell => `level:${level}`;

export type Structure = {
  /** figure id → cell → reason (absent: shown) */
  suppressed: Map<string, Map<Cell, SuppressionReason>>;
  /** cell → its contributions */
  cells: Map<Cell, Contribution[]>;
};

/**
 * Decide for every figure and every cell of the hierarchy whether it is shown.
 * Primary rule with one peer of margin; then, bottom-up, a parent that is shown
 * while some children are suppressed must not reveal them: the union of the
 * suppressed children has to pass the rules itself (then parent − shown
 * children discloses only that aggregate); otherwise further children are
 * suppressed, smallest first, and if that is not enough the parent is. At the
 * top (all over levels) the total is suppressed instead of a whole level,
 * because a level's figure is derivable from its own groups.
 */
export function structuralSuppression(groups: readonly PeerGroupDef[], contributions: readonly Contribution[], refYear: number): Structure {
  const cells = new Map<Cell, Contribution[]>();
  cells.set("all", [...contributions]);
  for (const level of LEVELS) cells.set(cellOfLevel(level), contributions.filter((c) => c.level === level));
  for (const g of groups) cells.set(cellOfGroup(g.key), contributions.filter((c) => c.groupKey === g.key));

  const result = new Map<string, Map<Cell, SuppressionReason>>();
  for (const spec of FIGURES) {
    const status = new Map<Cell, SuppressionReason>();
    for (const [cell, set] of cells) {
      const reason = primaryRule(spec, set, refYear, 1);
      if (reason) status.set(cell, reason);
    }
    const passes = (set: Contribution[]) => primaryRule(spec, set, refYear, 1) === null;
    const union = (cs: Cell[]) => cs.flatMap((c) => cells.get(c)!);
    for (const level of LEVELS) {
      const parent = cellOfLevel(level);
      if (status.has(parent)) continue;
      const children = groups.filter((g) => g.level === level).map((g) => cellOfGroup(g.key));
      const hidden = children.filter((c) => status.has(c));
      if (!hidden.length) continue;
      const shown = children.filter((c) => !status.has(c)).sort((a, b) => cells.get(a)!.length - cells.get(b)!.length);
      while (!passes(union(hidden))) {
        const next = shown.shift();
        if (!next) {
          status.set(parent, "secondary");
          break;
        }
        hidden.push(next);
        status.set(next, "secondary");
      }
    }
    if (!status.has("all")) {
      const hiddenLevels = LEVELS.map(cellOfLevel).filter((c) => status.has(c) && cells.get(c)!.length > 0);
      if (hiddenLevels.length && !passes(union(hiddenLevels))) status.set("all", "secondary");
    }
    result.set(spec.id, status);
  }
  return { suppressed: result, cells };
}

// ---------------------------------------------------------------------------
// The figures a viewer sees
// ---------------------------------------------------------------------------

export type FigureValue = ShareFigure | QuartileFigure | Suppressed;
/** Raw figures for one set: id → value; funding shares are whole percent of the noisy total. */
export type FigureSet = Record<string, FigureValue>;

/**
 * All figures over `set` (the cell's contributions without the viewer's own),
 * honouring the cell's structural suppression. Sums are published only as
 * shares of the funding mix.
 */
export function computeFigures(set: readonly Contribution[], structural: ReadonlyMap<string, ReadonlyMap<Cell, SuppressionReason>>, cell: Cell, refYear: number): FigureSet {
  const seed = memberSeed(set);
  const out: FigureSet = {};
  // Noisy sums of every source (also the suppressed ones): shares are of the whole funding.
  const noisySums = {} as Record<FundingSource, number>;
  for (const s of FUNDING_SOURCES) {
    let sum = 0;
    for (const c of set) sum += c.metrics.fundingCents[s];
    noisySums[s] = sum * (1 + 0.1 * (2 * noiseUniform(figureSeed(seed, String(sum)), `funding.${s}`) - 1));
  }
  for (const spec of FIGURES) {
    const reason = structural.get(spec.id)?.get(cell) ?? primaryRule(spec, set, refYear, 0);
    if (reason) {
      out[spec.id] = suppressed(reason);
      continue;
    }
    if (spec.kind === "count") {
      let k = 0;
      for (const c of set) if (spec.pred(c.metrics)) k++;
      const n = set.length;
      const noisy = Math.min(n, Math.max(0, k + countNoise(figureSeed(seed, String(k)), spec.id)));
      out[spec.id] = { suppressed: false, n, share: Math.round((100 * noisy) / n) };
    } else if (spec.kind === "quartiles") {
      const values: number[] = [];
      for (const c of set) {
        const v = spec.value(c.metrics, refYear);
        if (v !== null) values.push(v);
      }
      values.sort((a, b) => a - b);
      // Seeded by the exact quartiles, not every value: a member moving its own value elsewhere redraws nothing.
      const exact = [0.25, 0.5, 0.75].map((p) => quantile(values, p));
      const own = figureSeed(seed, exact.join(","));
      const q = exact.map((v, i) => noisyQuartile(v, spec.step, own, spec.id, i));
      // rounding each quartile on its own could cross them; keep them ordered
      const [q1, median, q3] = [Math.min(q[0]!, q[1]!), q[1]!, Math.max(q[1]!, q[2]!)];
      out[spec.id] = { suppressed: false, n: publishedValueCount(values.length, set.length, seed), q1, median, q3 };
    } else {
      out[spec.id] = { suppressed: false, n: set.length, share: 0 };
    }
  }
  // Funding mix: shares of the noisy total, so the hidden sources together are 100 % minus the shown ones. One
  // hidden source alone would be read off exactly; a small one hidden beside a dominated one would give the
  // dominated one nearly so. Hide more, smallest first, until the hidden ones together pass the dominance rule.
  const shownSources = FUNDING_SOURCES.filter((s) => !(out[`funding.${s}`] as FigureValue).suppressed);
  const hiddenSources = FUNDING_SOURCES.filter((s) => !shownSources.includes(s));
  const hiddenDominated = () => dominated(set.map((c) => hiddenSources.reduce((a, s) => a + c.metrics.fundingCents[s], 0)));
  while (hiddenSources.length > 0 && shownSources.length > 0 && (hiddenSources.length === 1 || hiddenDominated())) {
    const smallest = [...shownSources].sort((a, b) => noisySums[a] - noisySums[b])[0]!;
    out[`funding.${smallest}`] = suppressed("secondary");
    shownSources.splice(shownSources.indexOf(smallest), 1);
    hiddenSources.push(smallest);
  }
  const total = FUNDING_SOURCES.reduce((a, s) => a + noisySums[s], 0);
  for (const s of shownSources) {
    const f = out[`funding.${s}`] as ShareFigure;
    f.share = total > 0 ? Math.round((100 * noisySums[s]) / total) : 0;
  }
  return out;
}

export const FIELD_TITLES = Object.fromEntries(STANDARD_FIELDS.map((f) => [f.key, f.title])) as Record<string, string>;
export const SHARE_LABELS: Record<MeasureShare, string> = {
  leadOffice: "mit federführender Stelle",
  indicator: "mit Indikator",
  budget: "mit Budget",
  voluntary: "freiwillige Aufgaben",
};
export { FUNDING_SOURCE_LABELS };
