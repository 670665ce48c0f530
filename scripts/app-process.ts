/**
 * A process of the built app (scripts/start.ts) on a free port of 127.0.0.1, with
 * its output in a log file; for the tests and benchmarks that run several processes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export type App = { name: string; base: string; child: ChildProcess; log: string; dataDir: string };

export async function startApp(
  name: string,
  opts: { databaseUrl: string; redisUrl?: string; seed: boolean; env?: Record<string, string>; dataDir?: string },
): Promise<App> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `kw-app-${name}-`));
  const log = path.join(dataDir, `server-${name}.log`);
  const fd = fs.openSync(log, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: opts.databaseUrl,
      REDIS_URL: opts.redisUrl ?? "",
      // An external database gets the demo only when asked; the embedded one gets it unless told not to.
      KONZEPTWERK_SEED: opts.seed ? "demo" : "none",
      AUTH_SECRET: "app-process-secret-0123456789abcdef",
      DEMO_PASSWORD: "konzeptwerk",
      KONZEPTWERK_SKIP_BUILD: "1",
      ...opts.env,
    },
    stdio: ["ignore", fd, fd],
  });
  fs.closeSync(fd);
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Prozess ${name} beendet:\n${fs.readFileSync(log, "utf8").slice(-2000)}`);
    if (Date.now() > until) throw new Error(`Prozess ${name} nicht bereit:\n${fs.readFileSync(log, "utf8").slice(-2000)}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { name, base, child, log, dataDir };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGTERM, and SIGKILL after 10 s. */
export async function stopApp(app: App) {
  if (app.child.exitCode !== null) return;
  const gone = new Promise((r) => app.child.once("exit", r));
  app.child.kill("SIGTERM");
  await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  if (app.child.exitCode === null) app.child.kill("SIGKILL");
}
