#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order —
 *   1. type check
 *   2. unit and integration tests (Vitest) on the embedded PostgreSQL
 *   3. the integration tests again on the PostgreSQL at DATABASE_URL, when set
 *   4. production build, then end-to-end tests (Playwright, Chromium) against it
 *   5. the crash test (SIGKILL during saves, 30 rounds) on the embedded database
 * and a closing line "N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const externalUrl = process.env.DATABASE_URL?.trim() || "";
const only = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kw-results-"));
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`◀ ${name}: ${result.status === 0 ? "ok" : `Fehler (Code ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return result.status === 0;
}

function countVitest(file, name) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    if (report.numFailedTests > 0) failures.push(name);
  } catch {
    failed += 1;
    failures.push(`${name} (kein Ergebnis)`);
  }
}

const want = (step) => only.length === 0 || only.includes(step);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

if (want("types")) {
  if (run("Typprüfung (tsc)", bin("tsc"), ["--noEmit", "-p", "."])) passed += 1;
  else {
    failed += 1;
    failures.push("Typprüfung");
  }
}

if (want("unit")) {
  const out = path.join(tmp, "vitest-embedded.json");
  run("Unit- und Integrationstests (eingebettete Datenbank)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${out}`], {
    DATABASE_URL: "",
  });
  countVitest(out, "Vitest (eingebettet)");
}

if (want("postgres") && externalUrl) {
  const out = path.join(tmp, "vitest-postgres.json");
  run("Integrationstests (PostgreSQL an DATABASE_URL)", bin("vitest"), ["run", "tests/integration", "--reporter=default", "--reporter=json", `--outputFile=${out}`], {
    DATABASE_URL: externalUrl,
    KONZEPTWERK_TEST_RESET: "1",
  });
  countVitest(out, "Vitest (PostgreSQL)");
} else if (want("postgres")) {
  console.log("\n(DATABASE_URL ist nicht gesetzt: die Integrationstests gegen einen PostgreSQL-Server werden übersprungen.)");
}

if (want("e2e")) {
  if (run("Produktions-Build", bin("next"), ["build"], { DATABASE_URL: "" })) {
    const out = path.join(tmp, "playwright.json");
    run("Ende-zu-Ende-Tests (Playwright, Chromium)", bin("playwright"), ["test"], { DATABASE_URL: "", PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    try {
      const stats = JSON.parse(fs.readFileSync(out, "utf8")).stats;
      passed += stats.expected + (stats.flaky ?? 0);
      failed += stats.unexpected;
      skipped += stats.skipped;
      if (stats.unexpected > 0) failures.push("Playwright");
    } catch {
      failed += 1;
      failures.push("Playwright (kein Ergebnis)");
    }
  } else {
    failed += 1;
    failures.push("Produktions-Build");
  }
}

if (want("crash")) {
  if (run("Absturztest (SIGKILL während des Speicherns)", process.execPath, ["--import", "tsx", "scripts/crash-test.ts"], { DATABASE_URL: "", TSX_TSCONFIG_PATH: "tsconfig.scripts.json" })) passed += 1;
  else {
    failed += 1;
    failures.push("Absturztest");
  }
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log("");
if (failures.length) console.log(`Fehlgeschlagen: ${failures.join(", ")}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
