/**
 * Änderungsvorschläge on the ~100-page concept: 20 open proposals in each of ten
 * parts (200 in all; with the review part run before, beside its 500 threads):
 * the concept page's load until a part is editable (fresh browser context each,
 * median and spread), keystroke latency p95 in a part holding 20 proposals beside
 * the same in a part without any (the typing bench's measure(), same rounds), and
 * accepting all proposals of one part at once (POST …/suggestions/accept-all,
 * wall time of the request; the part is refilled with the proposals before each round).
 */
import type { BrowserContext } from "@playwright/test";
import type { Doc } from "./content";
import { formatSpread, pct, round, spread } from "./stats";
import { BENCH_PROPOSALS, withBenchProposals } from "./suggestions-data";
import { measure } from "./typing";

const ROUNDS = Number(process.env.BENCH_TYPING_ROUNDS ?? 3);
const ACCEPT_ROUNDS = 5;
const PAGE_LOADS = 5;
const PARTS_WITH_PROPOSALS = 10;

export async function benchSuggestions(opts: {
  base: string;
  cookie: string;
  context: BrowserContext;
  conceptId: string;
  authorId: string;
  /** parts of the concept with their current text: the first ten get the proposals, the last stays without */
  parts: { id: string; doc: Doc }[];
  put: (id: string, content: unknown) => Promise<void>;
  /** one load of the concept page in a fresh browser context */
  loadPage: () => Promise<{ loadMs: number; editableMs: number }>;
  results: Record<string, unknown>;
}) {
  const proposedParts = opts.parts.slice(0, PARTS_WITH_PROPOSALS);
  const without = opts.parts[PARTS_WITH_PROPOSALS];
  const withProposals = proposedParts[0];
  if (!withProposals || !without || proposedParts.length < PARTS_WITH_PROPOSALS) throw new Error(`bench suggestions: ${PARTS_WITH_PROPOSALS + 1} parts needed`);
  const proposed = withBenchProposals(withProposals.doc, BENCH_PROPOSALS, opts.authorId);
  for (const [i, part] of proposedParts.entries()) await opts.put(part.id, i === 0 ? proposed : withBenchProposals(part.doc, BENCH_PROPOSALS, opts.authorId, undefined, `bench${i}`));
  const total = BENCH_PROPOSALS * PARTS_WITH_PROPOSALS;
  const listed = (await (await fetch(`${opts.base}/api/concepts/${opts.conceptId}/suggestions`, { headers: { cookie: opts.cookie } })).json()) as { open: unknown[] };
  if (listed.open.length !== total) throw new Error(`bench suggestions: ${listed.open.length} of ${total} proposals open`);
  const threads = ((await (await fetch(`${opts.base}/api/concepts/${opts.conceptId}/comments`, { headers: { cookie: opts.cookie } })).json()) as { threads?: unknown[] }).threads?.length ?? 0;

  await opts.loadPage(); // warm-up (compiled routes, caches of the server)
  const loads: { loadMs: number; editableMs: number }[] = [];
  for (let i = 0; i < PAGE_LOADS; i++) loads.push(await opts.loadPage());

  const url = `${opts.base}/concepts/${opts.conceptId}`;
  const runs = { with: [] as number[][], without: [] as number[][] };
  for (let r = 0; r < ROUNDS; r++) {
    runs.with.push(await measure(opts.context, url, undefined, withProposals.id));
    runs.without.push(await measure(opts.context, url, undefined, without.id));
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const figures = (v: number[][]) => ({ p50: round(median(v.map((x) => pct(x, 50)))), p95: round(median(v.map((x) => pct(x, 95)))), p95PerRound: v.map((x) => round(pct(x, 95))) });

  const accept: number[] = [];
  for (let r = 0; r < ACCEPT_ROUNDS; r++) {
    // The text typed above and the previous round's acceptance are overwritten: each round decides the same 20 proposals.
    if (r > 0) await opts.put(withProposals.id, proposed);
    const t0 = performance.now();
    const res = await fetch(`${opts.base}/api/concepts/${opts.conceptId}/suggestions/accept-all`, {
      method: "POST",
      headers: { "Content-Type": "application/json", cookie: opts.cookie, Origin: opts.base },
      body: JSON.stringify({ sectionId: withProposals.id }),
    });
    accept.push(performance.now() - t0);
    const body = (await res.json()) as { count?: number };
    if (!res.ok || body.count !== BENCH_PROPOSALS) throw new Error(`bench suggestions: accept-all ${res.status}, ${body.count} decided`);
  }
  const partKB = Math.round(JSON.stringify(proposed).length / 1024);
  const withFigures = figures(runs.with);
  const withoutFigures = figures(runs.without);
  opts.results.suggestions = {
    openProposals: total,
    threads,
    pageLoadMs: spread(loads.map((l) => l.loadMs)),
    pageEditableMs: spread(loads.map((l) => l.editableMs)),
    method: `keystroke latency as in typing (${ROUNDS} rounds, medians) in a part with ${BENCH_PROPOSALS} open proposals and in a part without; accept-all of that part, ${ACCEPT_ROUNDS}× (wall time of POST …/suggestions/accept-all, part refilled before each)`,
    partKB,
    typingWithProposals: withFigures,
    typingWithoutProposals: withoutFigures,
    acceptAllMs: { p50: round(pct(accept, 50)), max: round(Math.max(...accept)), runs: accept.map(round) },
  };
  console.log(
    `Konzeptseite mit ${total} offenen Vorschlägen und ${threads} Kommentar-Threads (je ein neuer Browser-Kontext): geladen ${formatSpread(loads.map((l) => l.loadMs))}, ` +
      `erster Teil bearbeitbar ${formatSpread(loads.map((l) => l.editableMs))}`,
  );
  console.log(
    `Änderungsvorschläge: Tippen in einem Teil mit ${BENCH_PROPOSALS} offenen Vorschlägen p50 ${withFigures.p50} ms / p95 ${withFigures.p95} ms, ` +
      `in einem Teil ohne p50 ${withoutFigures.p50} ms / p95 ${withoutFigures.p95} ms; alle ${BENCH_PROPOSALS} eines Teils (${partKB} KB) annehmen: p50 ${round(pct(accept, 50))} ms, max ${round(Math.max(...accept))} ms`,
  );
}
