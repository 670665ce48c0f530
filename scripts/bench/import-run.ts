/**
 * The import part of the benchmark alone, against a server that already runs
 * (`npm start`, `npm run dev`, or the bench's own):
 *   BENCH_BASE=http://127.0.0.1:3000 TSX_TSCONFIG_PATH=tsconfig.scripts.json node --import tsx scripts/bench/import-run.ts
 * signs in as BENCH_EMAIL / BENCH_PASSWORD (default: the demo editor of
 * Musterstadt), prints the figures and their JSON. It leaves the imported
 * concepts behind (drafts titled "Import-Benchmark …" and "Integrationskonzept …"):
 * never point it at a server with real data.
 */
import { signInCookie } from "../sign-in";
import { benchImport } from "./import";

const base = (process.env.BENCH_BASE ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const cookie = await signInCookie(base, process.env.BENCH_EMAIL ?? "redaktion@musterstadt.example", process.env.BENCH_PASSWORD ?? "konzeptwerk");
const results: Record<string, unknown> = { date: new Date().toISOString(), base };
await benchImport({ base, cookie, results, runs: Number(process.env.BENCH_RUNS ?? 5) });
console.log(JSON.stringify(results.import, null, 2));
