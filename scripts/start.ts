/**
 * `npm start`: build if needed, start the database (embedded unless DATABASE_URL),
 * apply migrations, seed demo data into an empty embedded database, serve.
 *
 * The start-up banner (build, address, demo sign-ins) is for the person starting
 * the app and stays plain text; what the running server reports is JSON (lib/log.ts).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { databaseTarget } from "@/db/config";
import { beforeEmbeddedStop } from "@/db/embedded";
import { getDb, setDatabaseLog } from "@/db";
import { DEMO_USERS, demoPassword, seedIfEmpty } from "@/lib/demo/seed";
import { gracefulCloser } from "@/lib/http/close-gracefully";
import { assertOriginConfig, dropUntrustedForwardedHeaders } from "@/lib/http/origin";
import { serveWithRequestLog } from "@/lib/http/request-log";
import { loadStaticFiles, type StaticFiles } from "@/lib/http/static-files";
import { bridgeConsole, errorFields, log } from "@/lib/log";
import { startRealtime } from "@/lib/realtime/server";
import { ensurePeerSnapshot, publishScheduledSnapshot } from "@/lib/peers/service";
import { mailConfig } from "@/lib/mail/config";
import { startMailWorker } from "@/lib/mail/queue";
import { startRoundReminders } from "@/lib/review/reminders";
import { startDigests } from "@/lib/review/digest";
import { startConceptPurge } from "@/lib/concepts/lifecycle";
import { oidcProviders } from "@/lib/sso/config";

const root = process.cwd();
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
const t0 = Date.now();

const SOURCES = ["app", "components", "lib", "db", "i18n", "messages", "auth.ts", "auth.config.ts", "next.config.js", "package.json", "package-lock.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built > newest || (built && process.env.KONZEPTWERK_SKIP_BUILD === "1")) return;
  console.log(built ? "Quellcode geändert – die App wird neu gebaut …" : "Die App wird gebaut (einmalig, etwa eine Minute) …");
  const result = spawnSync(process.execPath, [require_resolve_next_bin(), "build"], { stdio: "inherit", cwd: root });
  if (result.status !== 0) {
    console.error("Der Build ist fehlgeschlagen.");
    process.exit(result.status ?? 1);
  }
}

function require_resolve_next_bin() {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const dir = path.resolve(process.env.DATA_DIR || "data");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

/**
 * Peer comparison: publish a first snapshot when none exists (so the demo shows a
 * comparison at once), then one every PEER_SNAPSHOT_HOURS hours (default 24; 0 = never).
 */
async function startPeerSnapshots() {
  try {
    const first = await ensurePeerSnapshot();
    if (first) log.info({ event: "peers.snapshot_published", contributors: first.contributors, synthetic: first.synthetic, ms: Math.round(first.ms) }, "Vergleichsstand veröffentlicht");
  } catch (error) {
    log.error({ event: "peers.snapshot_failed", error: errorFields(error) }, "Vergleichsstand konnte nicht veröffentlicht werden");
  }
  const hours = Number(process.env.PEER_SNAPSHOT_HOURS ?? 24);
  if (!(hours > 0)) return;
  const timer = setInterval(() => {
    // Every process runs this schedule; a snapshot another process published within 90 % of the interval counts.
    publishScheduledSnapshot({ trigger: "schedule", skipIfNewerThan: new Date(Date.now() - hours * 3_600_000 * 0.9) }).catch((error: unknown) =>
      log.error({ event: "peers.snapshot_failed", trigger: "schedule", error: errorFields(error) }, "Vergleichsstand (Zeitplan) fehlgeschlagen"),
    );
    // setInterval takes at most 2^31-1 ms (about 24 days); more would fire every millisecond.
  }, Math.min(hours * 3_600_000, 2 ** 31 - 1));
  timer.unref();
}

/** The headers next.config.js sets on every answer (the security headers): the static files served here get them too. */
async function sharedHeaders(): Promise<Record<string, string>> {
  const config = (await import(pathToFileURL(path.join(root, "next.config.js")).href)).default as { headers?: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
  const rules = (await config.headers?.()) ?? [];
  return Object.fromEntries(rules.filter((r) => r.source === "/:path*").flatMap((r) => r.headers.map((h) => [h.key, h.value])));
}

async function main() {
  try {
    assertOriginConfig();
    oidcProviders();
    mailConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  buildIfNeeded();
  ensureAuthSecret();
  const target = databaseTarget();
  console.log(target.kind === "embedded" ? `Datenbank: eingebettet (${target.dataDir})` : "Datenbank: PostgreSQL (DATABASE_URL)");
  setDatabaseLog((m) => log.info({ event: "db.embedded", detail: m }, m));
  const db = await getDb();
  const shouldSeed = target.kind === "embedded" ? process.env.KONZEPTWERK_SEED !== "none" : process.env.KONZEPTWERK_SEED === "demo";
  const seeded = shouldSeed ? await seedIfEmpty(db) : false;
  if (seeded) console.log("Demodaten angelegt.");
  await startPeerSnapshots();
  if (startMailWorker()) {
    log.info({ event: "mail.worker_started" }, "E-Mail: Versand über SMTP_URL");
    // Links in mails (invitations, password links) point at APP_URL; without it at this machine's own address.
    if (!process.env.APP_URL?.trim()) log.warn({ event: "mail.no_app_url" }, "E-Mail ist eingerichtet, APP_URL aber nicht: Links in Einladungen und Passwort-Mails zeigen auf die Adresse, unter der dieser Prozess lauscht. Bitte APP_URL auf die öffentliche Adresse setzen.");
  }
  startRoundReminders();
  startConceptPurge();
  startDigests();

  const app = next({ dev: false, dir: root, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Until the static files are read and compressed (about half a second, after listening), Next.js serves them.
  let staticFiles: StaticFiles | null = null;
  void sharedHeaders()
    .then((headers) => loadStaticFiles(path.join(root, ".next", "static"), headers))
    .then(
      (files) => {
        staticFiles = files;
        log.info({ event: "static.loaded", files: files.count, bytes: files.bytes }, "Statische Dateien im Speicher");
      },
      (error: unknown) => log.error({ event: "static.load_failed", error: errorFields(error) }, "Statische Dateien: Next.js liefert sie aus"),
    );
  // Without TRUST_PROXY a client's X-Forwarded-* headers are dropped here; Next.js then sets them from the socket.
  // Every request gets an id (X-Request-Id) and one JSON log line, and is counted for /api/metrics.
  const server = http.createServer((req, res) => {
    dropUntrustedForwardedHeaders(req.headers);
    serveWithRequestLog(req, res, () => staticFiles?.serve(req, res) || void handle(req, res));
  });
  const closeHttp = gracefulCloser(server);
  // Real-time co-editing: the WebSocket upgrade on one path of the same server.
  const realtime = await startRealtime();
  realtime.attach(server);
  // This process holds two copies of Yjs by design: this one (the socket's live documents) and the one
  // bundled into Next.js's route handlers (server-side writes, which exchange only bytes with the database,
  // never Yjs objects with this copy). Yjs warns about the second import; the warning does not apply here.
  delete (globalThis as Record<string, unknown>)["__ $YJS$ __"];
  // On SIGTERM/SIGINT: no new connections, the requests in flight answered, the real-time documents stored;
  // only then does the embedded database stop (db/embedded.ts, within 5 s) or the process end.
  const stopServing = async () => {
    await Promise.all([closeHttp(4_000), realtime.close()]);
  };
  beforeEmbeddedStop(stopServing);
  if (target.kind === "postgres") {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        void stopServing().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
      });
    }
  }

  server.listen(port, host, () => {
    const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
    console.log(`\nKonzeptwerk läuft: http://${shown}:${port}  (bereit nach ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (shouldSeed) {
      console.log(`Demo-Anmeldungen (Passwort: ${process.env.DEMO_PASSWORD ? "aus DEMO_PASSWORD" : demoPassword()}):`);
      for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(32)} ${u.role}`);
    }
    console.log("Beenden mit Strg+C.");
    log.info({ event: "server.listening", port }, "Konzeptwerk läuft");
    // From here on stdout is JSON only: what Next.js or Hocuspocus print goes through the logger's rules too.
    bridgeConsole();
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(error.code === "EADDRINUSE" ? `Port ${port} ist belegt. Starten Sie mit PORT=3001 npm start.` : error);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
