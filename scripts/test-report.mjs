/**
 * Reading a test runner's result strictly: what `npm test` counts as passed, and
 * every reason a stage is not green. Pure functions over the runners' JSON
 * reports, so that the rules themselves are tested (scripts/test-report.test.ts).
 *
 * A stage fails on: a non-zero exit, a missing or empty report, a failed test, a
 * suite-level error (a failing beforeAll/afterAll, an import or collection error,
 * Playwright's top-level errors such as a web server that never became healthy),
 * a flaky test (passed only on retry), and a skipped test that is not on the
 * stage's allow-list of intended skips.
 */

/**
 * @typedef {{ file: RegExp, title?: RegExp, reason: string, when: (env: NodeJS.ProcessEnv) => boolean }} AllowedSkip
 * @typedef {{ passed: number, failed: number, skipped: number, problems: string[] }} Verdict
 */

const rel = (file, root) => (root && file.startsWith(root) ? file.slice(root.length + 1) : file);

function allowed(allowList, env, file, title) {
  return allowList.some((a) => a.file.test(file) && (!a.title || a.title.test(title)) && a.when(env));
}

/**
 * @param {{ exitCode: number | null, report: any, allowList?: AllowedSkip[], env?: NodeJS.ProcessEnv, root?: string }} input
 * @returns {Verdict}
 */
export function judgeVitest({ exitCode, report, allowList = [], env = process.env, root = "" }) {
  const problems = [];
  if (exitCode !== 0) problems.push(`Vitest endete mit Code ${exitCode}`);
  if (!report || !Array.isArray(report.testResults)) {
    problems.push("kein Ergebnisbericht von Vitest");
    return { passed: 0, failed: 1, skipped: 0, problems };
  }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of report.testResults) {
    const name = rel(file.name, root);
    const tests = file.assertionResults ?? [];
    const failedHere = tests.filter((t) => t.status === "failed").length;
    if (file.status === "failed" && failedHere === 0) {
      problems.push(`${name}: Fehler außerhalb eines Tests (Setup, Import oder Aufräumen): ${firstLine(file.message) || "ohne Meldung"}`);
      failed += 1;
    }
    for (const t of tests) {
      if (t.status === "passed") passed += 1;
      else if (t.status === "failed") {
        failed += 1;
        problems.push(`${name}: ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      } else {
        skipped += 1;
        if (!allowed(allowList, env, name, t.fullName)) {
          failed += 1;
          problems.push(`${name}: ${t.fullName}: nicht ausgeführt (${t.status}) und nicht als beabsichtigt eingetragen`);
        }
      }
    }
  }
  // A failed suite that no failed test and no file-level error explains (e.g. a describe's own hook).
  if (report.numFailedTestSuites > 0 && failed === 0) {
    problems.push(`${report.numFailedTestSuites} Testgruppe(n) mit Fehler`);
    failed += 1;
  }
  if (passed === 0) problems.push("kein einziger Test lief");
  return { passed, failed: failed || (problems.length ? 1 : 0), skipped, problems };
}

function* playwrightTests(suites, file = "") {
  for (const suite of suites ?? []) {
    const here = suite.file ?? file;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) yield { file: here, title: spec.title, test };
    }
    yield* playwrightTests(suite.suites, here);
  }
}

/**
 * @param {{ exitCode: number | null, report: any, allowList?: AllowedSkip[], env?: NodeJS.ProcessEnv }} input
 * @returns {Verdict}
 */
export function judgePlaywright({ exitCode, report, allowList = [], env = process.env }) {
  const problems = [];
  if (exitCode !== 0) problems.push(`Playwright endete mit Code ${exitCode}`);
  if (!report || !report.stats) {
    problems.push("kein Ergebnisbericht von Playwright");
    return { passed: 0, failed: 1, skipped: 0, problems };
  }
  for (const error of report.errors ?? []) problems.push(`Playwright: ${firstLine(error.message ?? error.value ?? String(error))}`);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const { file, title, test } of playwrightTests(report.suites)) {
    // status: expected | unexpected | flaky | skipped (Playwright's own verdict after retries)
    if (test.status === "expected") passed += 1;
    else if (test.status === "flaky") {
      failed += 1;
      // What the failed attempt met, so a flaky test can be traced from the CI log alone.
      const failedRun = (test.results ?? []).find((r) => r.status !== "passed" && r.status !== "skipped");
      const met = failedRun ? playwrightError(failedRun) : "";
      problems.push(`${file}: ${title}: unzuverlässig (erst im Wiederholungslauf bestanden)${met ? `; der erste Lauf scheiterte an: ${met}` : ""}`);
    } else if (test.status === "skipped") {
      skipped += 1;
      const ranNot = (test.results ?? []).length === 0;
      if (!allowed(allowList, env, file, title)) {
        failed += 1;
        problems.push(`${file}: ${title}: ${ranNot ? "nie gelaufen" : "übersprungen"} und nicht als beabsichtigt eingetragen`);
      }
    } else {
      failed += 1;
      const last = test.results?.[test.results.length - 1];
      problems.push(`${file}: ${title}: ${(last && playwrightError(last)) || test.status}`);
    }
  }
  if (passed === 0) problems.push("kein einziger Test lief");
  return { passed, failed: failed || (problems.length ? 1 : 0), skipped, problems };
}

/** A step without a report (type check, build, crash test): its exit code is the verdict. */
export function judgeExit(name, exitCode) {
  return exitCode === 0
    ? { passed: 1, failed: 0, skipped: 0, problems: [] }
    : { passed: 0, failed: 1, skipped: 0, problems: [`${name} endete mit Code ${exitCode}`] };
}

/** A failed Playwright attempt in one line: the message, what was expected and received, and where in the spec. */
function playwrightError(result) {
  const error = result.error ?? result.errors?.[0];
  if (!error) return result.status === "timedOut" ? "Zeitlimit des Tests überschritten" : "";
  const lines = plain(error.message)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const detail = lines.slice(1).filter((l) => /^(Expected|Received|Locator|Timeout|Call log)/.test(l)).slice(0, 3);
  const where = error.location ? ` (${String(error.location.file).split(/[\\/]/).pop()}:${error.location.line})` : "";
  return `${[lines[0] ?? "", ...detail].join(" · ").slice(0, 400)}${where}`;
}

/** A runner's message without its terminal colours. */
function plain(text) {
  // eslint-disable-next-line no-control-regex
  return String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "");
}

function firstLine(text) {
  return plain(text).split("\n").find((l) => l.trim())?.trim().slice(0, 300) ?? "";
}
