/**
 * The server's work behind chapter 7 and the Konzept-Check, once the concept is
 * loaded: the funding overview, the funding cliff and the check's rules, each
 * timed on its own (scripts/bench/money.ts). The same lib/ functions the routes
 * call (lib/funding/service, lib/check/service), without the database round trips.
 */
import type { getConceptTree } from "@/db/queries/concepts";
import { checkContextFromTree } from "@/lib/check/context";
import { runCheck } from "@/lib/check/run";
import { computeCliff } from "@/lib/funding/cliff";
import { computeFunding, IN_PLAN } from "@/lib/funding/compute";
import { fteToHundredths } from "@/lib/funding/fte";
import { fundingInputFromTree } from "@/lib/funding/input";

export type MoneyTree = Awaited<ReturnType<typeof getConceptTree>>;
export type MoneyConcept = { id: string; templateVersion: number; settings: Record<string, unknown> };

function inputOf(concept: MoneyConcept, tree: MoneyTree, staffCostPerFteCents: number | null) {
  return fundingInputFromTree({ templateVersion: concept.templateVersion, settings: concept.settings, staffCostPerFteCents, fields: tree.fields, measures: tree.measures });
}

/** The funding overview (with its cliff, as the route returns it). */
export const fundingOverview = (concept: MoneyConcept, tree: MoneyTree, rate: number | null) => computeFunding(inputOf(concept, tree, rate));

/** The funding cliff alone: the running plan's measures by the end of their funding lines. */
export function fundingCliff(concept: MoneyConcept, tree: MoneyTree, rate: number | null) {
  const plan = inputOf(concept, tree, rate).measures.filter((m) => IN_PLAN.has(m.status));
  return computeCliff(plan, new Map(plan.map((m) => [m.id, fteToHundredths(m.staffFte)])));
}

/** The check's findings (its context needs the funding overview, as on the server). */
export function checkFindings(concept: MoneyConcept, tree: MoneyTree, funding: ReturnType<typeof fundingOverview>, today: string) {
  return runCheck(checkContextFromTree({ concept, tree, funding, today }));
}

/** Each computation `samples` times after `warmups` unmeasured runs; milliseconds per run. */
export function timeComputations(concept: MoneyConcept, tree: MoneyTree, opts: { rate: number | null; today: string; samples: number; warmups: number }) {
  const times = { funding: [] as number[], cliff: [] as number[], check: [] as number[] };
  const funding = fundingOverview(concept, tree, opts.rate);
  const time = (list: number[], run: () => unknown) => {
    for (let i = 0; i < opts.warmups + opts.samples; i++) {
      const t0 = performance.now();
      run();
      if (i >= opts.warmups) list.push(performance.now() - t0);
    }
  };
  time(times.funding, () => fundingOverview(concept, tree, opts.rate));
  time(times.cliff, () => fundingCliff(concept, tree, opts.rate));
  time(times.check, () => checkFindings(concept, tree, funding, opts.today));
  return { times, funding, cliff: fundingCliff(concept, tree, opts.rate), findings: checkFindings(concept, tree, funding, opts.today) };
}
