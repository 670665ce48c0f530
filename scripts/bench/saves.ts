/**
 * Concurrent saves: one client process per section (forked scripts/bench/save-client.ts),
 * all started together, each saving its section `savesEach` times one after the other.
 * The clients run beside the server on the same cores, so the figures include that contention.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Doc } from "./content";
import type { SaveJob, SaveReport } from "./save-client";

type Part = { id: string; revision: number; doc: Doc };

export async function concurrentSaves(opts: { base: string; cookie: string; conceptId: string; parts: Part[]; savesEach: number }) {
  const clients = opts.parts.map((part, i) => {
    const child = fork(path.join(import.meta.dirname, "save-client.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const job: SaveJob = { base: opts.base, cookie: opts.cookie, conceptId: opts.conceptId, sectionId: part.id, revision: part.revision, doc: part.doc, saves: opts.savesEach, seed: 1 + i * opts.savesEach };
    const done = reply(child, "report");
    done.catch(() => {}); // awaited below; a failure before that must not count as unhandled
    return { child, job, ready: reply(child, "ready"), done };
  });
  try {
    for (const c of clients) c.child.send({ job: c.job });
    await Promise.all(clients.map((c) => c.ready));
    // all processes are up and have their job: start them together
    const t0 = performance.now();
    for (const c of clients) c.child.send({ go: true });
    const reports = (await Promise.all(clients.map((c) => c.done))) as SaveReport[];
    return { reports, wallMs: performance.now() - t0 };
  } finally {
    for (const c of clients) if (c.child.exitCode === null) c.child.kill();
  }
}

/** The child's first message carrying `key`; an error message or an early exit rejects. */
function reply(child: ChildProcess, key: "ready" | "report"): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.on("message", (m: { ready?: true; report?: SaveReport; error?: string }) => {
      if (m.error) reject(new Error(`Speicher-Client: ${m.error}`));
      else if (key in m) resolve(m[key]);
    });
    child.once("exit", (code) => reject(new Error(`Speicher-Client beendet (Code ${code}) vor „${key}“`)));
  });
}
