/**
 * `npm run bench`: figures for the foundation, printed and written to bench/results.json.
 *  - start-up: `npm start` (already built) until /api/health answers, fresh and existing data directory
 *  - section save latency: 500 saves by 10 concurrent clients on a concept of ~100 pages
 *  - first-load JavaScript of the concept editor page (bytes the browser fetches, raw and gzip)
 *  - PDF export of a ~100-page concept: Typst vs. Chromium printing the preview (scripts/bench/pdf.ts)
 *  - peer comparison: snapshot over 11,000 generated municipalities, route p50/p95 (scripts/bench/peers.ts)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signInCookie } from "./sign-in";
import { benchVersions } from "./bench/versions";
import { benchReview } from "./bench/review";
import { gzipSync } from "node:zlib";
import { benchPdf } from "./bench/pdf";
import { benchPeers } from "./bench/peers";
import { pct, round, signedInBrowser } from "./bench/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3170);
const BASE = `http://127.0.0.1:${PORT}`;
const root = process.cwd();
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}` };

/** The server of the moment, stopped also when a measurement fails (a leftover would answer the next run). */
let running: ChildProcess | null = null;

function start(dataDir: string): ChildProcess {
  return (running = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      AUTH_SECRET: "bench-secret-0123456789abcdef0123",
      KONZEPTWERK_SKIP_BUILD: "1",
    },
    stdio: "ignore",
  }));
}

async function untilHealthy(child: ChildProcess, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error("server exited");
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("server not healthy");
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}


const WORDS = "Integration Sprache Arbeit Ausbildung Bildung Wohnen Teilhabe Gesundheit Beratung Kommune Netzwerk Angebot Zugewanderte Quartier Förderung Maßnahme Ziel Ehrenamt Schule Kita".split(" ");
function paragraph(seed: number, words = 90) {
  let s = "";
  for (let i = 0; i < words; i++) s += `${WORDS[(seed * 7 + i * 13) % WORDS.length]}${i % 12 === 11 ? ". " : " "}`;
  return { type: "paragraph", content: [{ type: "text", text: s.trim() }] };
}
/** About `pages` A4 pages of text (≈ 3,000 characters a page) as one document. */
function bigDoc(pages: number, seed: number) {
  const paragraphs = Math.round((pages * 3000) / 650);
  const content: unknown[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 8 === 0) content.push({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: `Abschnitt ${seed}.${i / 8 + 1}` }] });
    content.push(paragraph(seed + i));
  }
  return { type: "doc", content };
}

type Tree = {
  id: string;
  chapters: Record<string, { text: { id: string; revision: number } }>;
  fields: { sections: Record<string, { id: string; revision: number }> }[];
};

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("Baue die App …");
    spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
  }
  const busy = await fetch(`${BASE}/api/health`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Auf Port ${PORT} läuft schon ein Server; bitte beenden oder BENCH_PORT setzen.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-bench-"));
  fs.chmodSync(dataDir, 0o755);

  // 1. start-up
  let t = Date.now();
  let server = start(dataDir);
  await untilHealthy(server);
  const fresh = Date.now() - t;
  await stop(server);
  const existing: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = Date.now();
    server = start(dataDir);
    await untilHealthy(server);
    existing.push(Date.now() - t);
    if (i < 2) await stop(server);
  }
  results.startup = { freshDataDirMs: fresh, existingDataDirMs: pct(existing, 50), runs: existing };
  console.log(`Start bis /api/health: frisch ${fresh} ms, bestehend ${pct(existing, 50)} ms (Median aus 3)`);

  // 2. save latency on a ~100-page concept
  const cookie = await signInCookie(BASE, "redaktion@musterstadt.example", "konzeptwerk");
  const { concepts } = (await (await fetch(`${BASE}/api/concepts`, { headers: { cookie } })).json()) as { concepts: { id: string }[] };
  const conceptId = concepts[0]!.id;
  const tree = (await (await fetch(`${BASE}/api/concepts/${conceptId}`, { headers: { cookie } })).json()) as Tree;
  const parts = [
    ...Object.values(tree.chapters).map((c) => c.text),
    ...tree.fields.flatMap((f) => Object.values(f.sections)),
  ];
  const pagesPerPart = 100 / parts.length;
  const revisions = new Map<string, number>();
  const put = async (id: string, content: unknown) => {
    const res = await fetch(`${BASE}/api/concepts/${conceptId}/sections/${id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", cookie, Origin: BASE },
      body: JSON.stringify({ baseRevision: revisions.get(id), content }),
    });
    if (!res.ok) throw new Error(`save ${res.status}: ${await res.text()}`);
    revisions.set(id, ((await res.json()) as { revision: number }).revision);
  };
  let totalChars = 0;
  const written: { id: string; doc: ReturnType<typeof bigDoc> }[] = [];
  for (const [i, part] of parts.entries()) {
    revisions.set(part.id, part.revision);
    const d = bigDoc(pagesPerPart, i);
    totalChars += JSON.stringify(d).length;
    await put(part.id, d);
    written.push({ id: part.id, doc: d });
  }
  const docs = parts.slice(0, 10).map((p, i) => ({ id: p.id, doc: bigDoc(pagesPerPart, i) as { type: string; content: unknown[] } }));
  const single: number[] = [];
  for (let i = 0; i < 50; i++) {
    docs[0]!.doc.content[1] = paragraph(1000 + i);
    const t0 = performance.now();
    await put(docs[0]!.id, docs[0]!.doc);
    single.push(performance.now() - t0);
  }
  const latencies: number[] = [];
  let n = 0;
  await Promise.all(
    docs.map(async (d) => {
      while (n < 500) {
        n += 1;
        d.doc.content[1] = paragraph(n);
        const t0 = performance.now();
        await put(d.id, d.doc);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  results.sectionSave = {
    saves: latencies.length,
    clients: 10,
    conceptPages: 100,
    conceptJsonKB: Math.round(totalChars / 1024),
    partKB: Math.round(JSON.stringify(docs[0]!.doc).length / 1024),
    p50Ms: round(pct(latencies, 50)),
    p95Ms: round(pct(latencies, 95)),
    oneClientP50Ms: round(pct(single, 50)),
    oneClientP95Ms: round(pct(single, 95)),
  };
  console.log(`Speichern eines Abschnitts (${latencies.length}×, 10 parallel, Konzept ≈ 100 Seiten): p50 ${round(pct(latencies, 50))} ms, p95 ${round(pct(latencies, 95))} ms; ein Client nacheinander: p50 ${round(pct(single, 50))} ms, p95 ${round(pct(single, 95))} ms`);

  // 3. versions: compare two versions of the 100-page concept, list 50 versions
  for (const d of docs) written.find((w) => w.id === d.id)!.doc = d.doc;
  await benchVersions({ base: BASE, cookie, conceptId, docs: written as never, put, results });
  await benchReview({ base: BASE, cookie, conceptId, docs: written as never, results });

  // 4. first-load JavaScript of the editor page
  const { browser, context, page } = await signedInBrowser(BASE, cookie);
  const scripts = new Map<string, Buffer>();
  page.on("response", async (res) => {
    if (res.request().resourceType() === "script") {
      try {
        scripts.set(res.url(), await res.body());
      } catch {}
    }
  });
  t = Date.now();
  await page.goto(`${BASE}/concepts/${conceptId}`, { waitUntil: "networkidle" });
  const loadMs = Date.now() - t;
  const raw = [...scripts.values()].reduce((a, b) => a + b.length, 0);
  const gz = [...scripts.values()].reduce((a, b) => a + gzipSync(b).length, 0);
  results.editorPage = { scripts: scripts.size, firstLoadJsKB: Math.round(raw / 1024), firstLoadJsGzipKB: Math.round(gz / 1024), loadMsWith100Pages: loadMs };
  console.log(`Erstes JavaScript der Editor-Seite: ${Math.round(raw / 1024)} KB (${Math.round(gz / 1024)} KB gzip) in ${scripts.size} Dateien; Laden mit 100 Seiten: ${loadMs} ms`);
  await benchPdf({ base: BASE, cookie, context, results });
  await browser.close();

  // 4. peer comparison over 11,000 generated municipalities
  results.peers = await benchPeers({ base: BASE, cookie, conceptId, dataDir });
  await stop(server);
  fs.rmSync(dataDir, { recursive: true, force: true });

  fs.mkdirSync(path.join(root, "bench"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log("\nbench/results.json geschrieben.");
}

main().catch(async (error: unknown) => {
  console.error(error);
  if (running && running.exitCode === null) await stop(running);
  process.exit(1);
});
