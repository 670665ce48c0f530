/**
 * The embedded PostgreSQL launcher (db/embedded.ts) in a directory of its own:
 * first start, joining a running server, recovery after kill -9 of the server,
 * a stale postmaster.pid, and stop. Only about the embedded launcher, so skipped
 * when the suite runs against DATABASE_URL.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { embeddedSocketPath, startEmbeddedPostgres, type EmbeddedServer } from "@/db/embedded";

afterAll(() => closeDb());

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Pids of the processes whose parent is `pid` (the server's backends and helpers). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A pid that no process has (a process that has just ended). */
function deadPid(): number {
  const child = spawnSync("true");
  const pid = child.pid!;
  expect(alive(pid)).toBe(false);
  return pid;
}

describe.skipIf(!!process.env.DATABASE_URL)("the embedded database", () => {
  let dir: string;
  const handles: EmbeddedServer[] = [];
  const log: string[] = [];
  const pidFile = () => path.join(dir, "pg", "postmaster.pid");
  const postmasterPid = () => Number(fs.readFileSync(pidFile(), "utf8").split("\n")[0]);

  async function start() {
    const server = await startEmbeddedPostgres({ dataDir: dir, log: (m) => log.push(m) });
    handles.push(server);
    return server;
  }

  /** Run queries on the database "konzeptwerk" through the server's socket; closes the connection after. */
  async function withSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
    const sql = postgres({ path: embeddedSocketPath(dir), database: "konzeptwerk", username: "postgres", max: 1, connect_timeout: 5, onnotice: () => {} });
    try {
      return await fn(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  const notes = () => withSql(async (sql) => (await sql<{ text: string }[]>`select text from notes order by id`).map((r) => r.text));

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-embedded-"));
    fs.chmodSync(dir, 0o755);
  });

  afterAll(async () => {
    for (const server of handles.reverse()) await server.stop().catch(() => {});
    // A server a failed test left running in this directory was started here: end it.
    try {
      const pid = postmasterPid();
      if (pid > 0 && alive(pid)) {
        process.kill(pid, "SIGQUIT");
        await until(() => !alive(pid), 10_000).catch(() => {});
      }
    } catch {
      // no pid file: nothing runs
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it("initialises a fresh directory on the first start and accepts connections", async () => {
    const server = await start();
    expect(log).toContain("Eingebettete Datenbank wird angelegt …");
    expect(server.owned).toBe(true);
    expect(alive(server.pid)).toBe(true);
    expect(postmasterPid()).toBe(server.pid);
    await withSql(async (sql) => {
      await sql`create table notes (id serial primary key, text text not null)`;
      await sql`insert into notes (text) values ('vor dem zweiten Start')`;
    });
    expect(await notes()).toEqual(["vor dem zweiten Start"]);
  }, 60_000);

  it("joins the running server on a second start in the same process instead of starting another", async () => {
    const first = handles[0]!;
    log.length = 0;
    const second = await start();
    expect(second.pid).toBe(first.pid);
    expect(log).not.toContain("Eingebettete Datenbank wird angelegt …");
    expect(log.some((m) => /übernommen|mitbenutzt/.test(m))).toBe(true);
    expect(await notes()).toEqual(["vor dem zweiten Start"]);
  });

  it("recovers after the server was killed with SIGKILL, with the data written before", async () => {
    await withSql((sql) => sql`insert into notes (text) values ('vor dem Absturz')`);
    const pid = postmasterPid();
    const helpers = childrenOf(pid);
    expect(helpers.length).toBeGreaterThan(0);
    process.kill(pid, "SIGKILL");
    await until(() => !alive(pid), 10_000);
    // the server's helper processes notice that their postmaster is gone and exit
    await until(() => helpers.every((p) => !alive(p)), 10_000);
    expect(fs.existsSync(pidFile())).toBe(true); // left behind by the killed server

    const restarted = await start();
    expect(restarted.pid).not.toBe(pid);
    expect(alive(restarted.pid)).toBe(true);
    expect(await notes()).toEqual(["vor dem zweiten Start", "vor dem Absturz"]);
    await withSql((sql) => sql`insert into notes (text) values ('nach dem Absturz')`);
  }, 60_000);

  it("starts although a stale postmaster.pid names a process that does not exist", async () => {
    const running = handles[handles.length - 1]!;
    const lockFile = fs.readFileSync(pidFile(), "utf8");
    await running.stop();
    expect(alive(running.pid)).toBe(false);
    const [, ...rest] = lockFile.split("\n");
    fs.writeFileSync(pidFile(), [String(deadPid()), ...rest].join("\n"));

    const server = await start();
    expect(alive(server.pid)).toBe(true);
    expect(postmasterPid()).toBe(server.pid);
    expect(await notes()).toEqual(["vor dem zweiten Start", "vor dem Absturz", "nach dem Absturz"]);
  }, 60_000);

  it("stop() stops the server: no process, no connections, no pid file", async () => {
    const server = handles[handles.length - 1]!;
    await server.stop();
    expect(alive(server.pid)).toBe(false);
    expect(fs.existsSync(pidFile())).toBe(false);
    // Nobody listens on the socket any more.
    await expect(notes()).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOENT|ECONNREFUSED)$/) });
  }, 30_000);
});
