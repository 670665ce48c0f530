#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order —
 *   1. type check
 *   2. unit and integration tests (Vitest) on the embedded PostgreSQL
 *   3. the integration tests again on the PostgreSQL at DATABASE_URL (required in CI)
 *   4. production build, then end-to-end tests (Playwright, Chromium) against it
 *   5. the crash test (SIGKILL during saves and real-time typing): 20 rounds on the embedded database,
 *      10 on the PostgreSQL at DATABASE_URL (the server there is not killed; 100 rounds run in `npm run bench`)
 * and a closing line "N passed, N failed". Every stage is judged strictly
 * (scripts/test-report.mjs): exit codes, suite-level errors, unexpected skips and
 * flaky tests all fail the run.
 */
import { spawnSync } from "node:child_process";
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

function run(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const code = result.status ?? (result.signal ? `Signal ${result.signal}` : result.error?.message ?? "unbekannt");
  console.log(`◀ ${name}: ${code === 0 ? "ok" : `Fehler (Code ${code})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return code;
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

function vitestStage(name, args, env) {
  const out = path.join(tmp, `${name.replace(/\W+/g, "-")}.json`);
  const code = run(name, bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${out}`], env);
  record(name, judgeVitest({ exitCode: code, report: readJson(out), allowList: ALLOWED_SKIPS, env: { ...process.env, ...env }, root }));
}

function missingService(name, message) {
  if (ci) record(name, { passed: 0, failed: 1, skipped: 0, problems: [message] });
  else console.log(`\n(${message} – Stufe „${name}“ übersprungen.)`);
}

if (want("types")) record("Typprüfung (tsc)", judgeExit("tsc", run("Typprüfung (tsc)", bin("tsc"), ["--noEmit", "-p", "."])));

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

/** One Vitest stage as two runs: the shared-module-graph run, then the mocking files, each isolated. */
function vitestStages(name, paths, excluded, env) {
  const mocking = mockingTestFiles().filter((f) => (paths.length === 0 || paths.some((p) => f.startsWith(p))) && !excluded.includes(f));
  const exclude = (files) => files.flatMap((f) => ["--exclude", f]);
  vitestStage(name, [...paths, "--no-isolate", ...exclude([...mocking, ...excluded])], env);
  if (mocking.length) vitestStage(`${name}, Dateien mit vi.mock einzeln isoliert`, [...mocking, ...exclude(excluded)], env);
}

if (want("unit")) vitestStages("Unit- und Integrationstests (eingebettete Datenbank)", [], [], { DATABASE_URL: "" });

if (want("postgres")) {
  if (externalUrl) {
    // The office round trips (LibreOffice converting every file) test file formats, not the database: they run once, in the stage above.
    const officeOnly = ["tests/integration/office-export.test.ts", "tests/integration/import-documents.test.ts", "tests/integration/office-round-trip.test.ts"];
    vitestStages("Integrationstests (PostgreSQL an DATABASE_URL)", ["tests/integration"], officeOnly, { DATABASE_URL: externalUrl, KONZEPTWERK_TEST_RESET: "1" });
  } else {
    missingService("PostgreSQL", "DATABASE_URL ist nicht gesetzt: keine Integrationstests gegen einen PostgreSQL-Server");
  }
  if (ci && !process.env.REDIS_URL) missingService("Redis", "REDIS_URL ist nicht gesetzt: keine Tests gegen Redis");
}

if (want("e2e")) {
  const build = judgeExit("next build", run("Produktions-Build", bin("next"), ["build"], { DATABASE_URL: "" }));
  record("Produktions-Build", build);
  if (build.failed === 0) {
    const out = path.join(tmp, "playwright.json");
    const env = { DATABASE_URL: "", PLAYWRIGHT_JSON_OUTPUT_NAME: out };
    const code = run("Ende-zu-Ende-Tests (Playwright, Chromium)", bin("playwright"), ["test"], env);
    record("Ende-zu-Ende-Tests", judgePlaywright({ exitCode: code, report: readJson(out), allowList: ALLOWED_SKIPS, env: { ...process.env, ...env } }));
  }
}

if (want("crash")) {
  const crash = (name, env, rounds) =>
    record(name, judgeExit(name, run(name, process.execPath, ["--import", "tsx", "scripts/crash-test.ts", "--rounds", String(rounds)], { TSX_TSCONFIG_PATH: "tsconfig.scripts.json", ...env })));
  crash("Absturztest (eingebettete Datenbank)", { DATABASE_URL: "" }, 20);
  if (externalUrl) crash("Absturztest (PostgreSQL an DATABASE_URL)", { DATABASE_URL: externalUrl, KONZEPTWERK_TEST_RESET: "1" }, 10);
  else missingService("Absturztest PostgreSQL", "DATABASE_URL ist nicht gesetzt: kein Absturztest gegen einen PostgreSQL-Server");
}

if (want("processes")) {
  // Two built app processes on one PostgreSQL, sharing documents through Redis, a browser on each (needs the build of the e2e stage).
  const name = "Zwei App-Prozesse (PostgreSQL + Redis, je ein Browser)";
  if (externalUrl && process.env.REDIS_URL) {
    record(name, judgeExit(name, run(name, process.execPath, ["--import", "tsx", "scripts/two-processes.ts"], { TSX_TSCONFIG_PATH: "tsconfig.scripts.json", DATABASE_URL: externalUrl, KONZEPTWERK_TEST_RESET: "1" })));
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
