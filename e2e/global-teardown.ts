import fs from "node:fs";
import path from "node:path";

/** After the run: make sure the app's embedded database is stopped and its data directory removed. */
export default async function teardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir || !fs.existsSync(dir)) return;
  const pidFile = path.join(dir, "pg", "postmaster.pid");
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
  if (pid > 0) {
    try {
      process.kill(pid, "SIGINT");
      for (let i = 0; i < 100; i++) {
        process.kill(pid, 0);
        await new Promise((r) => setTimeout(r, 100));
      }
    } catch {
      // stopped
    }
  }
  if (!process.env.E2E_KEEP_DATA) fs.rmSync(dir, { recursive: true, force: true });
}
