/**
 * Crash test: four clients save sections through the running app in a loop (the
 * PUT API), and three real-time clients type over the WebSocket (two into the
 * same part, one into another), while the app is killed with SIGKILL at a random
 * moment and restarted, round after round. After each restart, every save the
 * app acknowledged must still be there, and every keystroke the real-time server
 * acknowledged (the provider's count of unacknowledged changes back at 0) must be
 * in the part's stored text.
 *
 * Each round, every client must have at least MIN_ACKS_PER_CLIENT acknowledged
 * saves before the kill window opens (a server that refuses or stalls saves fails
 * the test instead of passing with nothing to lose). Any HTTP error status fails
 * the test, before or after the kill; only a lost connection after the kill is
 * expected.
 *
 * Database: the embedded one in a temporary data directory (every third round
 * its server is killed too), or the PostgreSQL at DATABASE_URL. That database is
 * emptied first (schemas public and drizzle dropped), so it runs only with
 * KONZEPTWERK_TEST_RESET=1 — never point it at a database with real data.
 *
 *   TSX_TSCONFIG_PATH=tsconfig.scripts.json node --import tsx scripts/crash-test.ts [--rounds N]
 *
 * Rounds: --rounds N, else CRASH_ROUNDS, else 100 (≈ 10 min on 2 busy cores: about
 * 5 s a round, 10 s when the database server is killed too).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { realtimeSocket, realtimeUrl } from "./realtime-socket";
import { freePort } from "./free-port";
import { signInCookie } from "./sign-in";

const args = parseArgs({ options: { rounds: { type: "string" } }, allowPositionals: true });
const ROUNDS = Number(args.values.rounds ?? args.positionals[0] ?? process.env.CRASH_ROUNDS ?? 100);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`Ungültige Rundenzahl: ${args.values.rounds ?? args.positionals[0] ?? process.env.CRASH_ROUNDS}`);
const EXTERNAL_URL = process.env.DATABASE_URL?.trim() || "";
const PORT = Number(process.env.CRASH_PORT) || (await freePort());
const BASE = `http://127.0.0.1:${PORT}`;
const SECTION_KEYS = ["mandate", "vision", "governance", "monitoring"];
/** Parts typed into over the socket: two clients share the first. */
const LIVE_KEYS = ["update", "update", "funding"];
/** Saves each client must have acknowledged in a round before the kill may come. */
const MIN_ACKS_PER_CLIENT = 2;
/** How long a round may take to reach MIN_ACKS_PER_CLIENT (a cold server on a busy machine is slow). */
const ACK_TIMEOUT_MS = 60_000;
/** After the minimum, the kill comes at a random moment within this window. */
const KILL_WINDOW_MS = 900;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-crash-"));
fs.chmodSync(dataDir, 0o755);
const logFile = path.join(dataDir, "server.log");


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Empty the external test database, as the integration tests do (tests/support/global-setup.ts). */
async function resetExternalDatabase() {
  if (process.env.KONZEPTWERK_TEST_RESET !== "1") {
    throw new Error(
      "DATABASE_URL ist gesetzt: der Absturztest leert diese Datenbank und läuft deshalb nur mit KONZEPTWERK_TEST_RESET=1 (nur für eine Testdatenbank).",
    );
  }
  const sql = postgres(EXTERNAL_URL, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  } finally {
    await sql.end();
  }
}

let server: ChildProcess | null = null;
let cookie = "";

function serverLog() {
  try {
    return fs.readFileSync(logFile, "utf8").slice(-2000);
  } catch {
    return "";
  }
}

function startServer(): Promise<void> {
  const logFd = fs.openSync(logFile, "a");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: EXTERNAL_URL,
        // an external database gets the demo data only when asked for
        KONZEPTWERK_SEED: "demo",
        AUTH_SECRET: "crash-test-secret-0123456789abcdef",
        KONZEPTWERK_SKIP_BUILD: "1",
      },
      // A file, not a pipe: a server outliving this script must not spin on a broken pipe.
      stdio: ["ignore", logFd, logFd],
    });
    fs.closeSync(logFd);
    server = child;
    const until = Date.now() + 120_000;
    const poll = async () => {
      if (Date.now() > until) return reject(new Error(`Server nicht bereit:\n${serverLog()}`));
      if (child.exitCode !== null) return reject(new Error(`Server beendet:\n${serverLog()}`));
      try {
        const res = await fetch(`${BASE}/api/health`);
        if (res.ok) return resolve();
      } catch {}
      setTimeout(poll, 150);
    };
    void poll();
  });
}

/** SIGKILL the app and wait until it is gone, so that nothing it sends can follow. */
async function killServer() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await gone;
}

function killPostmaster() {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0) process.kill(pid, "SIGKILL");
}

type Tree = { id: string; chapters: Record<string, { text: { id: string; revision: number; content: unknown } }> };

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(`${BASE}${url}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const docWith = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const textOf = (content: unknown) => JSON.stringify(content).match(/"text":"([^"]*)"/)?.[1] ?? "";

/** Errors of a connection the killed server left: reset, closed mid-answer, or refused. */
const CONNECTION_LOST = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
function connectionLost(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (CONNECTION_LOST.has((e as { code?: string }).code ?? "")) return true;
  }
  return false;
}
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(`${e.message}${(e as { code?: string }).code ? ` (${(e as { code?: string }).code})` : ""}`);
  return parts.join(" ← ") || String(error);
}

/** A finding of this test (as opposed to an error of the connection it classifies). */
class CrashTestFailure extends Error {}

type Track = {
  key: string;
  sectionId: string;
  /** the last state known to be stored: acknowledged, or read back after a restart */
  acked: { revision: number; text: string };
  inFlight: { base: number; text: string } | null;
};

/** A real-time client typing words at the end of its part; `acked` counts the words the server confirmed. */
type Typist = { key: string; sectionId: string; words: string[]; acked: number; destroy: () => void };

function startTypist(key: string, sectionId: string, round: number, index: number): Typist {
  const doc = new Y.Doc();
  // Reconnects (with backoff) after the kill until destroyed; a limited number of attempts would reject unhandled.
  const socket = realtimeSocket(realtimeUrl(BASE), { cookie, origin: BASE });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `section:${sectionId}`, document: doc, token: "session" });
  provider.attach();
  const typist: Typist = { key, sectionId, words: [], acked: 0, destroy: () => undefined };
  // One update per word, acknowledged in order (the server stores and answers a document's messages one after another):
  // whatever is not counted as unsynced any more is confirmed.
  provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    if (provider.isSynced) typist.acked = Math.max(typist.acked, typist.words.length - number);
  });
  let n = 0;
  const timer = setInterval(() => {
    if (!provider.isSynced) return;
    const word = `r${round}c${index}w${++n}`;
    const fragment = doc.getXmlFragment("default");
    doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(word)]);
      fragment.insert(fragment.length, [paragraph]);
    });
    typist.words.push(word);
  }, 50);
  typist.destroy = () => {
    clearInterval(timer);
    provider.destroy();
    socket.destroy();
  };
  return typist;
}

type RoundStats = { acked: number[]; liveAcked: number[]; cut: number; committedUnanswered: number; postmasterKilled: boolean; ms: number };

async function main() {
  const started = Date.now();
  const kind = EXTERNAL_URL ? "PostgreSQL an DATABASE_URL" : "eingebettete Datenbank";
  console.log(
    `Absturztest: ${ROUNDS} Runden, ${SECTION_KEYS.length} Clients, ${kind}` +
      (EXTERNAL_URL ? " (Datenbank wird geleert; der Datenbankserver selbst wird nicht beendet)" : " (jede dritte Runde wird auch der Datenbankserver beendet)"),
  );
  if (EXTERNAL_URL) await resetExternalDatabase();
  await startServer();
  cookie = await signInCookie(BASE, "redaktion@musterstadt.example", "konzeptwerk");
  const concepts = await getJson<{ concepts: { id: string }[] }>("/api/concepts");
  const conceptId = concepts.concepts[0]!.id;
  const tree = await getJson<Tree>(`/api/concepts/${conceptId}`);
  const tracks: Track[] = SECTION_KEYS.map((key) => {
    const text = tree.chapters[key]!.text;
    return { key, sectionId: text.id, acked: { revision: text.revision, text: textOf(text.content) }, inFlight: null };
  });
  const liveParts = LIVE_KEYS.map((key) => ({ key, sectionId: tree.chapters[key]!.text.id }));
  const rounds: RoundStats[] = [];
  let counter = 0;

  for (let round = 1; round <= ROUNDS; round++) {
    const roundStarted = Date.now();
    const stats: RoundStats = { acked: tracks.map(() => 0), liveAcked: [], cut: 0, committedUnanswered: 0, postmasterKilled: false, ms: 0 };
    const typists = liveParts.map((p, i) => startTypist(p.key, p.sectionId, round, i));
    let stop = false;
    const failures: Error[] = [];
    const fail = (track: Track, message: string) => new CrashTestFailure(`Runde ${round}, Abschnitt ${track.key}: ${message}`);

    const save = async (t: Track, i: number) => {
      while (!stop) {
        const text = `Runde ${round}, Speicherung ${++counter}`;
        t.inFlight = { base: t.acked.revision, text };
        let res: Response;
        let body: { revision?: unknown };
        try {
          res = await fetch(`${BASE}/api/concepts/${conceptId}/sections/${t.sectionId}`, {
            method: "PUT",
            headers: { "Content-Type": "application/json", cookie, Origin: BASE },
            body: JSON.stringify({ baseRevision: t.acked.revision, content: docWith(text) }),
          });
          // An HTTP error is an answer of a living server, never an effect of the kill.
          if (res.status !== 200) throw fail(t, `HTTP ${res.status} statt 200: ${(await res.text().catch(() => "")).slice(0, 300)}`);
          body = (await res.json()) as { revision?: unknown };
        } catch (error) {
          if (stop && connectionLost(error)) {
            stats.cut += 1;
            return; // the server died under this save: not acknowledged
          }
          throw error instanceof CrashTestFailure ? error : fail(t, `Fehler beim Speichern${stop ? " nach dem Abbruch" : " vor dem Abbruch"}: ${describe(error)}`);
        }
        if (typeof body.revision !== "number" || body.revision !== t.acked.revision + 1) {
          throw fail(t, `Antwort ohne die erwartete Revision ${t.acked.revision + 1}: ${JSON.stringify(body).slice(0, 200)}`);
        }
        t.acked = { revision: body.revision, text };
        t.inFlight = null;
        stats.acked[i]! += 1;
      }
    };
    const loops = tracks.map((t, i) =>
      save(t, i).catch((error: unknown) => {
        failures.push(error instanceof Error ? error : new Error(String(error)));
      }),
    );

    // The kill comes only once every client has saved: a round must have saves to lose.
    const until = Date.now() + ACK_TIMEOUT_MS;
    while (failures.length === 0 && (stats.acked.some((n) => n < MIN_ACKS_PER_CLIENT) || typists.some((t) => t.acked < MIN_ACKS_PER_CLIENT))) {
      if (Date.now() > until) {
        failures.push(
          new Error(
            `Runde ${round}: nach ${ACK_TIMEOUT_MS / 1000} s erst ${stats.acked.join("/")} bestätigte Speicherungen und ${typists.map((t) => t.acked).join("/")} bestätigte Wörter je Client, mindestens ${MIN_ACKS_PER_CLIENT} verlangt`,
          ),
        );
        break;
      }
      await sleep(5);
    }
    if (failures.length === 0) await sleep(Math.random() * KILL_WINDOW_MS);
    stop = true;
    const liveAcked = typists.map((t) => t.words.slice(0, t.acked));
    await killServer();
    for (const t of typists) t.destroy();
    stats.liveAcked = liveAcked.map((w) => w.length);
    if (!EXTERNAL_URL && round % 3 === 0) {
      killPostmaster();
      stats.postmasterKilled = true;
    }
    await Promise.all(loops);
    if (failures.length > 0) throw failures[0]!;

    await startServer();
    const after = await getJson<Tree>(`/api/concepts/${conceptId}`);
    for (const t of tracks) {
      const stored = after.chapters[t.key]!.text;
      const storedText = textOf(stored.content);
      const asAcked = stored.revision === t.acked.revision && storedText === t.acked.text;
      // a save in flight at the kill may have committed without its answer arriving
      const asInFlight = t.inFlight !== null && stored.revision === t.inFlight.base + 1 && storedText === t.inFlight.text;
      if (!asAcked && !asInFlight) {
        throw new Error(
          `Runde ${round}: bestätigte Speicherung verloren (${t.key}): erwartet Revision ${t.acked.revision} „${t.acked.text}“, gefunden ${stored.revision} „${storedText}“`,
        );
      }
      if (asInFlight) stats.committedUnanswered += 1;
      // What is stored now is known to be committed: the next round checks against it.
      t.acked = { revision: stored.revision, text: storedText };
      t.inFlight = null;
    }
    for (const [i, typist] of typists.entries()) {
      const stored = JSON.stringify(after.chapters[typist.key]!.text.content);
      const lost = liveAcked[i]!.filter((word) => !stored.includes(`"${word}"`));
      if (lost.length > 0) {
        throw new Error(`Runde ${round}: ${lost.length} bestätigte Wörter in Echtzeit verloren (${typist.key}, Client ${i}): ${lost.slice(0, 5).join(", ")}`);
      }
    }
    stats.ms = Date.now() - roundStarted;
    rounds.push(stats);
    const total = stats.acked.reduce((a, b) => a + b, 0);
    console.log(
      `Runde ${String(round).padStart(String(ROUNDS).length)}/${ROUNDS}: ${total} bestätigt (${stats.acked.join("/")} je Client), ` +
        `${stats.liveAcked.reduce((a, b) => a + b, 0)} Wörter in Echtzeit bestätigt (${stats.liveAcked.join("/")}), ` +
        `${stats.cut} beim Abbruch unterbrochen, davon ${stats.committedUnanswered} ohne Antwort gespeichert` +
        `${stats.postmasterKilled ? ", Datenbankserver mitbeendet" : ""} – alle vorhanden (${(stats.ms / 1000).toFixed(1)} s)`,
    );
  }

  const totals = rounds.map((r) => r.acked.reduce((a, b) => a + b, 0)).sort((a, b) => a - b);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `Absturztest bestanden (${kind}): ${ROUNDS} Runden, ${sum(totals)} bestätigte Speicherungen und ${sum(rounds.flatMap((r) => r.liveAcked))} in Echtzeit bestätigte Wörter, nichts verloren; ` +
      `je Runde ${totals[0]}–${totals[totals.length - 1]} (Median ${totals[Math.floor(totals.length / 2)]}), ` +
      `${sum(rounds.map((r) => r.cut))} Speicherungen vom Abbruch unterbrochen, davon ${sum(rounds.map((r) => r.committedUnanswered))} ohne Antwort gespeichert; ` +
      `${rounds.filter((r) => r.postmasterKilled).length}× Datenbankserver mitbeendet; ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
}

main()
  .then(() => cleanup(0))
  .catch((error: unknown) => {
    console.error(`Absturztest fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`);
    cleanup(1);
  });

function cleanup(code: number) {
  if (server) server.kill("SIGTERM");
  // Stop the database the last server left (it stops its own on SIGTERM; a killed one leaves an orphan).
  setTimeout(() => {
    try {
      if (!EXTERNAL_URL) killPostmasterGracefully();
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
