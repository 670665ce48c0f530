/**
 * One client of the concurrent save benchmark, run as its own process (forked by
 * scripts/bench/saves.ts) so that the clients do not share one event loop with
 * each other. Waits for "go", saves one section `saves` times, each time with one
 * paragraph changed, and sends back its latencies and the final revision.
 */
import { paragraph, type Doc } from "./content";

export type SaveJob = { base: string; cookie: string; conceptId: string; sectionId: string; revision: number; doc: Doc; saves: number; seed: number };
export type SaveReport = { latencies: number[]; revision: number; doc: Doc };

let job: SaveJob | null = null;

process.on("message", (message: { job?: SaveJob; go?: true }) => {
  if (message.job) {
    job = message.job;
    process.send!({ ready: true });
  } else if (message.go && job) {
    run(job).then(
      (report) => process.send!({ report }, () => process.exit(0)),
      (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
    );
  }
});

async function run({ base, cookie, conceptId, sectionId, doc, saves, seed, ...start }: SaveJob): Promise<SaveReport> {
  let revision = start.revision;
  const latencies: number[] = [];
  for (let i = 0; i < saves; i++) {
    doc.content[1] = paragraph(seed + i);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/concepts/${conceptId}/sections/${sectionId}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", cookie, Origin: base },
      body: JSON.stringify({ baseRevision: revision, content: doc }),
    });
    if (!res.ok) throw new Error(`save ${res.status}: ${(await res.text()).slice(0, 200)}`);
    revision = ((await res.json()) as { revision: number }).revision;
    latencies.push(performance.now() - t0);
  }
  return { latencies, revision, doc };
}
