import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { judgePlaywright, judgeVitest, type AllowedSkip } from "./test-report.mjs";

/**
 * The runner's rules, checked on reports of real Vitest and Playwright runs over
 * small fixtures: each blind spot of a count-only runner is reproduced and must
 * be caught.
 */
const root = path.resolve(import.meta.dirname, "..");
const fixtures = path.join(root, "tests", "runner", "fixtures");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kw-runner-"));

function vitest(fixture: string) {
  const out = path.join(tmp, `${fixture}.json`);
  const dir = path.join(fixtures, "vitest");
  const res = spawnSync(bin("vitest"), ["run", "--config", path.join(dir, "vitest.config.mjs"), "--reporter=json", `--outputFile=${out}`], {
    cwd: dir,
    env: { ...process.env, FIXTURE: `${fixture}.fixture.ts`, CI: "" },
    encoding: "utf8",
  });
  const report = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : null;
  return { exitCode: res.status, report };
}

function playwright(fixture: string) {
  const out = path.join(tmp, `${fixture}.pw.json`);
  const dir = path.join(fixtures, "playwright");
  const res = spawnSync(bin("playwright"), ["test", "--config", path.join(dir, "playwright.config.mjs")], {
    cwd: dir,
    env: { ...process.env, FIXTURE: `${fixture}.pw.ts`, FIXTURE_OUTPUT: out, FIXTURE_OUTPUT_DIR: path.join(tmp, `${fixture}-artifacts`), PLAYWRIGHT_JSON_OUTPUT_NAME: "" },
    encoding: "utf8",
  });
  const report = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : null;
  return { exitCode: res.status, report };
}

describe("judging a Vitest run", () => {
  it("passes a green run", () => {
    const verdict = judgeVitest(vitest("passes"));
    expect(verdict).toEqual({ passed: 1, failed: 0, skipped: 0, problems: [] });
  });

  it("fails when beforeAll throws, although Vitest reports the tests as skipped, not failed", () => {
    const run = vitest("before-all-fails");
    expect(run.report.numFailedTests).toBe(0);
    const verdict = judgeVitest(run);
    expect(verdict.failed).toBeGreaterThan(0);
    // Vitest keeps the suite's error out of the JSON report; the file is marked failed and both tests unexpectedly skipped.
    expect(verdict.problems.join("\n")).toMatch(/Fehler außerhalb eines Tests/);
    expect(verdict.problems.filter((p) => p.includes("nicht ausgeführt"))).toHaveLength(2);
  });

  it("fails on an error in afterAll", () => {
    const verdict = judgeVitest(vitest("after-all-fails"));
    expect(verdict.failed).toBeGreaterThan(0);
    expect(verdict.problems.join("\n")).toMatch(/could not clean up/);
  });

  it("fails on a test file that cannot be imported (no test counted at all)", () => {
    const run = vitest("import-fails");
    expect(run.report.numFailedTests).toBe(0);
    const verdict = judgeVitest(run);
    expect(verdict.failed).toBeGreaterThan(0);
    expect(verdict.problems.join("\n")).toMatch(/does-not-exist/);
  });

  it("fails on a skip that is not on the allow-list, and accepts it when it is", () => {
    const run = vitest("skipped");
    const strict = judgeVitest(run);
    expect(strict.failed).toBe(1);
    expect(strict.problems.join("\n")).toMatch(/is skipped: nicht ausgeführt/);
    const allowList: AllowedSkip[] = [{ file: /skipped\.fixture\.ts$/, title: /is skipped/, reason: "fixture", when: () => true }];
    expect(judgeVitest({ ...run, allowList })).toEqual({ passed: 1, failed: 0, skipped: 1, problems: [] });
    const notNow: AllowedSkip[] = [{ ...allowList[0]!, when: () => false }];
    expect(judgeVitest({ ...run, allowList: notNow }).failed).toBe(1);
  });

  it("fails on a non-zero exit even when every counted test passed, and on a missing report", () => {
    const run = vitest("passes");
    expect(judgeVitest({ ...run, exitCode: 1 }).problems).toContain("Vitest endete mit Code 1");
    expect(judgeVitest({ exitCode: 0, report: null }).failed).toBe(1);
  });
});

describe("judging a Playwright run", () => {
  it("passes a green run", () => {
    expect(judgePlaywright(playwright("passes"))).toEqual({ passed: 1, failed: 0, skipped: 0, problems: [] });
  });

  it("fails on a flaky test that passed only on retry", () => {
    const run = playwright("flaky");
    expect(run.report.stats.flaky).toBe(1);
    const verdict = judgePlaywright(run);
    expect(verdict.failed).toBe(1);
    expect(verdict.problems.join("\n")).toMatch(/unzuverlässig/);
    // The failed attempt's message and its line in the spec, so the CI log alone says where it broke.
    expect(verdict.problems.join("\n")).toMatch(/der erste Lauf scheiterte an: .*toBe.*Expected: 1 · Received: 0 \(flaky\.pw\.ts:2\)/);
  });

  it("fails on a file that cannot be loaded (a top-level error, no test)", () => {
    const run = playwright("load-error");
    expect(run.report.errors.length).toBeGreaterThan(0);
    const verdict = judgePlaywright(run);
    expect(verdict.failed).toBeGreaterThan(0);
    expect(verdict.problems.join("\n")).toMatch(/cannot be loaded/);
  });

  it("fails on a skipped test that is not allowed, and on a web server that never became healthy", () => {
    const verdict = judgePlaywright(playwright("skipped"));
    expect(verdict.problems.join("\n")).toMatch(/is skipped: übersprungen/);
    const noServer = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 3 }, errors: [{ message: "Error: Timed out waiting 240000ms from config.webServer." }], suites: [] };
    const verdict2 = judgePlaywright({ exitCode: 1, report: noServer });
    expect(verdict2.problems.join("\n")).toMatch(/config\.webServer/);
    expect(verdict2.failed).toBeGreaterThan(0);
  });
});
