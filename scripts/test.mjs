#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order —
 *   1. type check (route types from `next typegen`, then tsc)
 *   2. unit and integration tests (Vitest) on the embedded PostgreSQL
 *   3. the integration tests again on the PostgreSQL at DATABASE_URL (required in CI), beside stage 2's
 *      shared run (see below)
 *   4. production build (without its own type check once stage 1 has passed), then end-to-end tests
 *      (Playwright, Chromium) against it
 *   5. the crash test (SIGKILL during saves and real-time typing): 12 rounds on the embedded database (its server
 *      killed too in every third), 6 on the PostgreSQL at DATABASE_URL (the server there is not killed; 100 rounds
 *      each run in `npm run bench`)
 * and a closing line "N passed, N failed". Every stage is judged strictly
 * (scripts/test-report.mjs): exit codes, suite-level errors, unexpected skips and
 * flaky tests all fail the run.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { judgeExit, judgePlaywright, judgeVitest } from "./test-report.mjs";

const root = path.resolve(import.meta.dirname, "..");
const ci = process.env.CI === "true" || process.env.CI === "1";
const externalUrl = process.env.DATABASE_URL?.trim() || "";
const only = process.argv.slice(2);
const STAGES = ["types", "unit", "postgres", "e2e", "crash", "processes"];
const unknown = only.filter((s) => !STAGES.includes(s));
if (unknown.length > 0) {
  console.error(`Unbekannte Stufe: ${unknown.join(", ")}. Möglich sind: ${STAGES.join(", ")}.`);
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kw-results-"));

/**
 * Tests that may legitimately not run, and when. Anything else that is skipped
 * fails the run.
 * @type {import("./test-report.mjs").AllowedSkip[]}
 */
const ALLOWED_SKIPS = [
  {
    file: /^tests\/integration\/embedded\.test\.ts$/,
    reason: "prüft die eingebettete Datenbank; läuft in der Stufe ohne DATABASE_URL",
    when: (env) => Boolean(env.DATABASE_URL),
  },
  {
    file: /^tests\/integration\/write-lock-order\.test\.ts$/,
    reason: "prüft die Reihenfolge der Sperren gleichzeitiger Transaktionen: nur auf PostgreSQL (die eingebettete Datenbank hat eine Verbindung)",
    when: (env) => !env.DATABASE_URL,
  },
  {
    file: /^tests\/integration\/rate-limits\.test\.ts$/,
    title: /Redis/,
    reason: "Tests gegen Redis laufen nur mit REDIS_URL (in CI Pflicht)",
    when: (env) => !env.REDIS_URL && !ci,
  },
  {
    file: /^tests\/integration\/realtime-redis\.test\.ts$/,
    reason: "zwei App-Prozesse teilen Dokumente über Redis: nur mit REDIS_URL (in CI Pflicht)",
    when: (env) => !env.REDIS_URL && !ci,
  },
];

const stages = [];
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const want = (step) => only.length === 0 || only.includes(step);

/**
 * One command of the suite. Its output goes to the terminal as it comes, or, with `logTo`, into that file
 * (a command that runs beside another; the caller prints the file when both are done).
 */
function run(name, cmd, args, env = {}, { logTo } = {}) {
  const say = logTo ? (line) => fs.appendFileSync(logTo, `${line}\n`) : (line) => console.log(line);
  say(`\n▶ ${name}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const out = logTo ? fs.openSync(logTo, "a") : null;
    const child = spawn(cmd, args, { cwd: root, stdio: out === null ? "inherit" : ["ignore", out, out], env: { ...process.env, ...env } });
    let settled = false;
    const finish = (code) => {
      if (settled) return;
      settled = true;
      if (out !== null) fs.closeSync(out);
      say(`◀ ${name}: ${code === 0 ? "ok" : `Fehler (Code ${code})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      resolve(code);
    };
    child.on("error", (error) => finish(error.message));
    child.on("exit", (code, signal) => finish(code ?? `Signal ${signal}`));
  });
}

function record(name, verdict) {
  stages.push({ name, ...verdict });
  const skippedNote = verdict.skipped ? `, ${verdict.skipped} übersprungen` : "";
  console.log(`  ${name}: ${verdict.passed} bestanden, ${verdict.failed} fehlgeschlagen${skippedNote}`);
  for (const p of verdict.problems) console.log(`  ✗ ${p}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** A Vitest run judged from its JSON report; the verdict is returned, for the caller to record. */
async function vitestStage(name, args, env, options) {
  const out = path.join(tmp, `${name.replace(/\W+/g, "-")}.json`);
  const code = await run(name, bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${out}`], env, options);
  return [name, judgeVitest({ exitCode: code, report: readJson(out), allowList: ALLOWED_SKIPS, env: { ...process.env, ...env }, root })];
}

function missingService(name, message) {
  if (ci) record(name, { passed: 0, failed: 1, skipped: 0, problems: [message] });
  else console.log(`\n(${message} – Stufe „${name}“ übersprungen.)`);
}

// Route types first (what `next build` would generate), so that tsc checks pages and routes against them too.
let typesChecked = false;
if (want("types")) {
  const typegen = judgeExit("next typegen", await run("Routentypen (next typegen)", bin("next"), ["typegen"]));
  record("Routentypen (next typegen)", typegen);
  const tsc = judgeExit("tsc", await run("Typprüfung (tsc)", bin("tsc"), ["--noEmit", "-p", "."]));
  record("Typprüfung (tsc)", tsc);
  typesChecked = typegen.failed + tsc.failed === 0;
}

/**
 * Test files that replace a module (vi.mock, vi.stubEnv …) need Vitest's fresh module graph per file;
 * all others share one (--no-isolate), which saves importing the app again for each of ~90 files
 * (about a third of the stage). Found by reading the files, so a new mocking test is isolated too.
 */
function mockingTestFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!["node_modules", ".next", "data", "fixtures", "test-results", ".git"].includes(entry.name)) walk(rel);
      } else if (entry.name.endsWith(".test.ts") && /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(/.test(fs.readFileSync(path.join(root, rel), "utf8"))) {
        found.push(rel);
      }
    }
  };
  for (const dir of ["app", "components", "db", "lib", "scripts", "tests"]) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return found.sort();
}

/**
 * One Vitest stage as two runs: the shared-module-graph run, then the mocking files, each isolated.
 * Each returns its verdict (name, verdict) for the caller to record.
 */
function vitestRuns(name, paths, excluded, env) {
  const mocking = mockingTestFiles().filter((f) => (paths.length === 0 || paths.some((p) => f.startsWith(p))) && !excluded.includes(f));
  const exclude = (files) => files.flatMap((f) => ["--exclude", f]);
  return {
    shared: (options) => vitestStage(name, [...paths, "--no-isolate", ...exclude([...mocking, ...excluded])], env, options),
    mocking: async (options) => (mocking.length ? vitestStage(`${name}, Dateien mit vi.mock einzeln isoliert`, [...mocking, ...exclude(excluded)], env, options) : null),
  };
}

const embeddedRuns = want("unit") ? vitestRuns("Unit- und Integrationstests (eingebettete Datenbank)", [], [], { DATABASE_URL: "" }) : null;
// The office round trips (LibreOffice converting every file) test file formats, not the database: they run once, on the embedded one.
const officeOnly = ["tests/integration/office-export.test.ts", "tests/integration/import-documents.test.ts", "tests/integration/office-round-trip.test.ts"];
const externalRuns =
  want("postgres") && externalUrl
    ? vitestRuns("Integrationstests (PostgreSQL an DATABASE_URL)", ["tests/integration"], officeOnly, { DATABASE_URL: externalUrl, KONZEPTWERK_TEST_RESET: "1" })
    : null;

/**
 * Each Vitest run mostly waits for its own database (about 40 % of two cores idle), so the PostgreSQL stage runs
 * beside the embedded stage's shared run, its output kept until both are done. The embedded files with vi.mock run
 * after, alone: the fuzz test among them holds every call to a time limit.
 */
const externalLog = path.join(tmp, "postgres-stage.log");
const beside = embeddedRuns && externalRuns ? { logTo: externalLog } : {};
const [embeddedShared, external] = await Promise.all([
  embeddedRuns?.shared(),
  externalRuns && (async () => [await externalRuns.shared(beside), await externalRuns.mocking(beside)])(),
]);
if (beside.logTo) {
  console.log("\n(Die folgende Stufe lief gleichzeitig mit der vorigen; ihre Ausgabe:)");
  process.stdout.write(fs.readFileSync(externalLog));
}
const embeddedMocking = embeddedRuns ? await embeddedRuns.mocking() : null;
for (const verdict of [embeddedShared, embeddedMocking, ...(external ?? [])]) if (verdict) record(...verdict);

if (want("postgres")) {
  if (!externalUrl) missingService("PostgreSQL", "DATABASE_URL ist nicht gesetzt: keine Integrationstests gegen einen PostgreSQL-Server");
  if (ci && !process.env.REDIS_URL) missingService("Redis", "REDIS_URL ist nicht gesetzt: keine Tests gegen Redis");
}

if (want("e2e")) {
  // When the stage above has checked the types, the build does not check them again (next.config.js).
  const build = judgeExit("next build", await run("Produktions-Build", bin("next"), ["build"], { DATABASE_URL: "", KONZEPTWERK_TEST_BUILD: typesChecked ? "1" : "" }));
  record("Produktions-Build", build);
  if (build.failed === 0) {
    const out = path.join(tmp, "playwright.json");
    const env = { DATABASE_URL: "", PLAYWRIGHT_JSON_OUTPUT_NAME: out };
    const code = await run("Ende-zu-Ende-Tests (Playwright, Chromium)", bin("playwright"), ["test"], env);
    record("Ende-zu-Ende-Tests", judgePlaywright({ exitCode: code, report: readJson(out), allowList: ALLOWED_SKIPS, env: { ...process.env, ...env } }));
  }
}

if (want("crash")) {
  const crash = async (name, env, rounds) =>
    record(name, judgeExit(name, await run(name, process.execPath, ["--import", "tsx", "scripts/crash-test.ts", "--rounds", String(rounds)], { TSX_TSCONFIG_PATH: "tsconfig.scripts.json", ...env })));
  await crash("Absturztest (eingebettete Datenbank)", { DATABASE_URL: "" }, 12);
  if (externalUrl) await crash("Absturztest (PostgreSQL an DATABASE_URL)", { DATABASE_URL: externalUrl, KONZEPTWERK_TEST_RESET: "1" }, 6);
  else missingService("Absturztest PostgreSQL", "DATABASE_URL ist nicht gesetzt: kein Absturztest gegen einen PostgreSQL-Server");
}

if (want("processes")) {
  // Two built app processes on one PostgreSQL, sharing documents through Redis, a browser on each (needs the build of the e2e stage).
  const name = "Zwei App-Prozesse (PostgreSQL + Redis, je ein Browser)";
  if (externalUrl && process.env.REDIS_URL) {
    record(name, judgeExit(name, await run(name, process.execPath, ["--import", "tsx", "scripts/two-processes.ts"], { TSX_TSCONFIG_PATH: "tsconfig.scripts.json", DATABASE_URL: externalUrl, KONZEPTWERK_TEST_RESET: "1" })));
  } else {
    missingService(name, "DATABASE_URL und REDIS_URL sind nicht beide gesetzt: kein Test mit zwei App-Prozessen");
  }
}

fs.rmSync(tmp, { recursive: true, force: true });
const total = (key) => stages.reduce((sum, s) => sum + s[key], 0);
const problems = stages.flatMap((s) => s.problems.map((p) => `${s.name}: ${p}`));
console.log("");
if (problems.length) {
  console.log("Nicht bestanden:");
  for (const p of problems) console.log(`- ${p}`);
}
const failed = total("failed");
const skipped = total("skipped");
console.log(`${total("passed")} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
