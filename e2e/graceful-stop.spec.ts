import fs from "node:fs";
import path from "node:path";
import { startApp } from "../scripts/app-process";
import { expect, test } from "./fixtures";

/**
 * Stopping the app (SIGTERM, as systemd, Docker or a rolling update do) while requests keep coming: a second
 * process of the built app on its own embedded database, three clients asking without pause. Every request
 * is answered properly or refused; none meets a database that has already stopped (before, 7–11 answers of
 * 503 per stop and three requests cut off halfway), and the database is stopped when the process has ended.
 */
test("a stop under load answers or refuses every request, none with a server error, and stops the database", async () => {
  test.setTimeout(120_000);
  const app = await startApp("stop", { databaseUrl: "", seed: false });
  const answers: Record<string, number> = {};
  const count = (key: string) => (answers[key] = (answers[key] ?? 0) + 1);
  let stopped = false;
  const ask = async (route: string) => {
    while (!stopped) {
      try {
        const res = await fetch(`${app.base}${route}`);
        await res.arrayBuffer();
        count(`${route} ${res.status}`);
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
        count(`${route} ${code}`);
        if (code === "ECONNREFUSED") return;
      }
    }
  };
  try {
    // The database behind each: the health check reads it, the concept list checks the session first.
    const clients = ["/api/health", "/api/concepts", "/login"].map(ask);
    await expect.poll(() => (answers["/api/health 200"] ?? 0) + (answers["/login 200"] ?? 0), { timeout: 30_000 }).toBeGreaterThan(20);
    const exited = new Promise<number | null>((r) => app.child.once("exit", (code) => r(code)));
    app.child.kill("SIGTERM");
    expect(await exited, "Beendet mit dem Code für SIGTERM").toBe(143);
    // Each client ends at the first refused connection.
    await Promise.all(clients);

    const serverErrors = Object.entries(answers).filter(([key]) => / 5\d\d$/.test(key));
    expect(serverErrors, JSON.stringify(answers)).toEqual([]);
    expect(fs.existsSync(path.join(app.dataDir, "pg", "postmaster.pid")), "Datenbank gestoppt").toBe(false);
    const errors = fs.readFileSync(app.log, "utf8").split("\n").filter((line) => line.includes('"level":"error"'));
    expect(errors).toEqual([]);
  } finally {
    stopped = true;
    if (app.child.exitCode === null) app.child.kill("SIGKILL");
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  }
});
