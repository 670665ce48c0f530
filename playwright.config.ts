import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;
/** The OpenID provider e2e/sso.spec.ts starts (the app reads it only when someone clicks "Anmelden mit Testdienst"). */
const E2E_OIDC_PORT = Number(process.env.E2E_OIDC_PORT || port + 99);
// A fresh data directory per run: the app seeds its demo data into it.
const dataDir = process.env.E2E_DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "kw-e2e-"));
fs.chmodSync(dataDir, 0o755);
process.env.E2E_DATA_DIR = dataDir;

// Debian's chromium where present (Playwright cannot download browsers here), else Playwright's own.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

/**
 * Spec files that run alone, after all others, one at a time. The others run two at a time (one per core; with one
 * file at a time half of the two cores stood idle). A file belongs here when another file running beside it could
 * change what it asserts or it what another asserts (the demo concept's text or versions, the concept list, a
 * Musterstadt reviewer), or when it measures timing or loads the machine itself.
 */
const ALONE = [
  "backup", // the demo export and the concept list must be the same before and after a restore
  "body-limit", // a 23 MB upload is refused within 3 s; the concept list is unchanged
  "co-editing", // no key lost while colleagues type; ten browsers at once
  "editing", // the demo concept's revisions unchanged after scrolling; scroll timing
  "graceful-stop", // a second app with its own database, three clients in tight loops
  "hydrate-near", // a slow line emulated within the test's time limit
  "isolation", // the whole concept list and the first concept's revisions
  "members", // a Musterstadt reviewer for a while (review rounds elsewhere would wait for them); demo concept text
  "server-actions", // demo export, concept list, members and versions the same before and after
  "versions", // restores the whole demo draft; counts the demo versions
].map((name) => `**/${name}.spec.ts`);
const desktop = { ...devices["Desktop Chrome"], channel: undefined };

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    // Recording a trace (a screencast and DOM snapshots of every step) costs about a quarter of each test's time;
    // a failing test is run once more in CI (retries: 1, and npm test counts it as failed anyway), with its trace.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "parallel", testIgnore: ALONE, use: desktop },
    { name: "alone", testMatch: ALONE, workers: 1, dependencies: ["parallel"], use: desktop },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      // The database is new per run, Redis (REDIS_URL in CI) is the machine's: counters of earlier runs (five
      // registrations an hour from 127.0.0.1, failed sign-ins per day) would otherwise refuse this run's.
      RATE_LIMIT_PREFIX: `e2e-${path.basename(dataDir)}`,
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      DEMO_PASSWORD: "konzeptwerk",
      // One JSON line per request would bury the test report; warnings and errors still show.
      LOG_LEVEL: "warn",
      // `npm test` builds right before; a stale build here is the caller's choice (npm run build).
      KONZEPTWERK_SKIP_BUILD: "1",
      OIDC_1_ISSUER: `http://127.0.0.1:${E2E_OIDC_PORT}`,
      OIDC_1_CLIENT_ID: "konzeptwerk-test",
      OIDC_1_CLIENT_SECRET: "client-secret-for-tests-0123456789",
      OIDC_1_NAME: "Testdienst",
    },
  },
});
