/**
 * Crash test: saves sections through the running app in a loop while the app is
 * killed with SIGKILL at random moments and restarted (ROUNDS rounds, embedded
 * database). Every third round the database server is killed too. After each
 * restart, every save the app acknowledged must still be there.
 *
 *   npx tsx --tsconfig tsconfig.scripts.json scripts/crash-test.ts [rounds]
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { signInCookie } from "./sign-in";

const ROUNDS = Number(process.argv[2] ?? process.env.CRASH_ROUNDS ?? 30);
const PORT = Number(process.env.CRASH_PORT) || (await freePort());
const BASE = `http://127.0.0.1:${PORT}`;
const SECTIONS = 4;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-crash-"));
fs.chmodSync(dataDir, 0o755);

/** A port nobody listens on now, so a leftover server from an earlier run cannot interfere. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

let server: ChildProcess | null = null;
let cookie = "";

const logFile = path.join(dataDir, "server.log");

function startServer(): Promise<void> {
  const logFd = fs.openSync(logFile, "a");
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        AUTH_SECRET: "crash-test-secret-0123456789abcdef",
        KONZEPTWERK_SKIP_BUILD: "1",
      },
      // A file, not a pipe: a server outliving this script must not spin on a broken pipe.
      stdio: ["ignore", logFd, logFd],
    });
    const log = () => fs.readFileSync(logFile, "utf8");
    const until = Date.now() + 120_000;
    const poll = async () => {
      if (Date.now() > until) return reject(new Error(`Server nicht bereit:\n${log().slice(-2000)}`));
      if (server?.exitCode !== null) return reject(new Error(`Server beendet:\n${log().slice(-2000)}`));
      try {
        const res = await fetch(`${BASE}/api/health`);
        if (res.ok) return resolve();
      } catch {}
      setTimeout(poll, 150);
    };
    void poll();
  });
}

function killServer() {
  server?.kill("SIGKILL");
  server = null;
}

function killPostmaster() {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0) process.kill(pid, "SIGKILL");
}

type Tree = { id: string; chapters: Record<string, { text: { id: string; revision: number; content: unknown } }> };

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(`${BASE}${url}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

const docWith = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const textOf = (content: unknown) => JSON.stringify(content).match(/"text":"([^"]*)"/)?.[1] ?? "";

type Track = { sectionId: string; acked: { revision: number; text: string } | null; inFlight: { base: number; text: string } | null; base: number };

async function main() {
  const started = Date.now();
  await startServer();
  cookie = await signInCookie(BASE, "redaktion@musterstadt.example", "konzeptwerk");
  const concepts = await getJson<{ concepts: { id: string }[] }>("/api/concepts");
  const conceptId = concepts.concepts[0]!.id;
  const tree = await getJson<Tree>(`/api/concepts/${conceptId}`);
  const keys = ["mandate", "vision", "governance", "monitoring"].slice(0, SECTIONS);
  const tracks: Track[] = keys.map((k) => ({ sectionId: tree.chapters[k]!.text.id, acked: null, inFlight: null, base: tree.chapters[k]!.text.revision }));
  let acknowledged = 0;
  let counter = 0;

  for (let round = 1; round <= ROUNDS; round++) {
    let stop = false;
    const loops = tracks.map(async (t) => {
      while (!stop) {
        const text = `Runde ${round}, Speicherung ${++counter}`;
        t.inFlight = { base: t.base, text };
        try {
          const res = await fetch(`${BASE}/api/concepts/${conceptId}/sections/${t.sectionId}`, {
            method: "PUT",
            headers: { "Content-Type": "application/json", cookie, Origin: BASE },
            body: JSON.stringify({ baseRevision: t.base, content: docWith(text) }),
          });
          if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
          const body = (await res.json()) as { revision: number };
          t.acked = { revision: body.revision, text };
          t.base = body.revision;
          t.inFlight = null;
          acknowledged += 1;
        } catch (error) {
          if (!stop && server) throw error;
          return; // the server died under us: this save was not acknowledged
        }
      }
    });
    await new Promise((r) => setTimeout(r, 150 + Math.random() * 900));
    stop = true;
    killServer();
    if (round % 3 === 0) killPostmaster();
    await Promise.allSettled(loops);
    await startServer();
    const after = await getJson<Tree>(`/api/concepts/${conceptId}`);
    for (const [i, t] of tracks.entries()) {
      const stored = after.chapters[keys[i]!]!.text;
      const storedText = textOf(stored.content);
      if (t.acked) {
        const ok =
          (stored.revision === t.acked.revision && storedText === t.acked.text) ||
          // a save in flight at the kill may have committed without its answer arriving
          (t.inFlight && stored.revision === t.inFlight.base + 1 && storedText === t.inFlight.text);
        if (!ok) {
          throw new Error(
            `Runde ${round}: bestätigte Speicherung verloren (${keys[i]}): erwartet Revision ${t.acked.revision} „${t.acked.text}“, gefunden ${stored.revision} „${storedText}“`,
          );
        }
      }
      // What is stored now is known to be committed: the next round checks against it.
      t.base = stored.revision;
      t.acked = { revision: stored.revision, text: storedText };
      t.inFlight = null;
    }
    process.stdout.write(`Runde ${round}/${ROUNDS}: ${acknowledged} bestätigte Speicherungen, alle vorhanden\n`);
  }
  console.log(`Absturztest bestanden: ${ROUNDS} Runden, ${acknowledged} bestätigte Speicherungen, keine verloren (${((Date.now() - started) / 1000).toFixed(0)} s).`);
}

main()
  .then(() => cleanup(0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    cleanup(1);
  });

function cleanup(code: number) {
  if (server) server.kill("SIGTERM");
  // Stop the database the last server left (it stops its own on SIGTERM; a killed one leaves an orphan).
  setTimeout(() => {
    try {
      killPostmasterGracefully();
    } catch {}
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  }, 3000);
}

function killPostmasterGracefully() {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0) process.kill(pid, "SIGINT");
}
