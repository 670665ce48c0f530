/**
 * Load test (part "load" of `npm run bench`): 50 signed-in people (40 in the
 * editing role, 10 reviewers) read the demo concept (page and JSON), save parts,
 * comment and export PDFs for 60 s, each as fast as the server answers, against
 * one app process and, with DATABASE_URL, against one and two processes on that
 * PostgreSQL (with REDIS_URL when set). Only 127.0.0.1; a bounded number of requests.
 *
 * Counted apart, as the answers a user gets under load by design: 409 (someone
 * saved the part in between; the client takes the current revision) and 429 (the
 * installation's PDF queue is full, with Retry-After). Every 5xx and every other
 * 4xx is an error, and a 5xx fails the bench.
 */
import postgres from "postgres";
import { closeDb, getDb } from "@/db";
import { memberships, municipalities, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { eq } from "drizzle-orm";
import { startApp, stopApp, type App } from "../app-process";
import { signInCookie } from "../sign-in";
import { pct, round } from "./stats";

const EDITORS = 40;
const REVIEWERS = 10;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
/** Upper bound on requests per run, whatever the speed. */
const MAX_REQUESTS = 50_000;
const PASSWORD = "lasttest-passwort-0123";
const DEMO_AGS = "05999000";

type Op = "page" | "json" | "save" | "comment" | "pdf";
/** Shares of the operations (reviewers read instead of saving). */
const MIX: [Op, number][] = [
  ["page", 30],
  ["json", 25],
  ["save", 25],
  ["comment", 12],
  ["pdf", 8],
];

type Person = { email: string; role: "editor" | "reviewer" };
type Sample = { op: Op; ms: number; status: number };

/** The load-test people in the demo municipality, written straight into the app's database (env chooses it). */
async function addPeople(): Promise<Person[]> {
  const db = await getDb();
  const [town] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.ags, DEMO_AGS));
  if (!town) throw new Error("Lasttest: die Demokommune fehlt");
  const passwordHash = await hashPassword(PASSWORD);
  const people: Person[] = [];
  for (let i = 1; i <= EDITORS + REVIEWERS; i++) {
    const role = i <= EDITORS ? "editor" : "reviewer";
    const email = `last-${String(i).padStart(2, "0")}@musterstadt.example`;
    const [user] = await db
      .insert(users)
      .values({ email, name: `Lasttest ${i}`, passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { passwordHash } })
      .returning();
    await db.insert(memberships).values({ userId: user!.id, municipalityId: town.id, role }).onConflictDoNothing();
    people.push({ email, role });
  }
  await closeDb();
  return people;
}

type Tree = { chapters: Record<string, { text: { id: string; revision: number } }>; fields: { sections: Record<string, { id: string; revision: number }> }[] };

async function run(label: string, apps: App[], people: Person[]) {
  const sessions = await Promise.all(
    people.map(async (p, i) => {
      const app = apps[i % apps.length]!;
      return { ...p, base: app.base, cookie: await signInCookie(app.base, p.email, PASSWORD) };
    }),
  );
  const first = sessions[0]!;
  const { concepts } = (await (await fetch(`${first.base}/api/concepts`, { headers: { cookie: first.cookie } })).json()) as { concepts: { id: string }[] };
  const conceptId = concepts[0]!.id;
  const tree = (await (await fetch(`${first.base}/api/concepts/${conceptId}`, { headers: { cookie: first.cookie } })).json()) as Tree;
  const parts = [...Object.values(tree.chapters).map((c) => c.text), ...tree.fields.flatMap((f) => Object.values(f.sections))];

  const samples: Sample[] = [];
  let failures = 0;
  let sent = 0;
  const end = Date.now() + SECONDS * 1000;
  const total = MIX.reduce((a, [, w]) => a + w, 0);
  const pick = (): Op => {
    let r = Math.random() * total;
    for (const [op, w] of MIX) if ((r -= w) < 0) return op;
    return "page";
  };

  const worker = async (s: (typeof sessions)[number], index: number) => {
    const part = parts[index % parts.length]!;
    let revision = part.revision;
    let n = 0;
    while (Date.now() < end && sent < MAX_REQUESTS) {
      sent++;
      n++;
      let op = pick();
      if (op === "save" && s.role === "reviewer") op = "json";
      const headers = { cookie: s.cookie, Origin: s.base };
      const t0 = performance.now();
      try {
        let res: Response;
        if (op === "page") res = await fetch(`${s.base}/concepts/${conceptId}`, { headers });
        else if (op === "json") res = await fetch(`${s.base}/api/concepts/${conceptId}`, { headers });
        else if (op === "pdf") res = await fetch(`${s.base}/api/concepts/${conceptId}/export.pdf`, { headers });
        else if (op === "comment")
          res = await fetch(`${s.base}/api/concepts/${conceptId}/comments`, {
            method: "POST",
            headers: { ...headers, "Content-Type": "application/json" },
            body: JSON.stringify({ target: { kind: "chapter", chapter: "mandate" }, body: `Lasttest-Anmerkung ${index}/${n}` }),
          });
        else
          res = await fetch(`${s.base}/api/concepts/${conceptId}/sections/${part.id}`, {
            method: "PUT",
            headers: { ...headers, "Content-Type": "application/json" },
            body: JSON.stringify({
              baseRevision: revision,
              content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Lasttest: Absatz von Person ${index}, Fassung ${n}.` }] }] },
            }),
          });
        const body = await res.arrayBuffer();
        if (op === "save" && (res.status === 200 || res.status === 409)) {
          const parsed = JSON.parse(Buffer.from(body).toString("utf8")) as { revision?: number; current?: { revision: number } };
          revision = parsed.revision ?? parsed.current?.revision ?? revision;
        }
        samples.push({ op, ms: performance.now() - t0, status: res.status });
      } catch {
        failures++;
      }
    }
  };
  const t0 = Date.now();
  await Promise.all(sessions.map((s, i) => worker(s, i)));
  const wallS = (Date.now() - t0) / 1000;

  const ms = samples.map((s) => s.ms);
  const count = (f: (s: Sample) => boolean) => samples.filter(f).length;
  const byOp = Object.fromEntries(
    MIX.map(([op]) => {
      const own = samples.filter((s) => s.op === op).map((s) => s.ms);
      return [op, own.length >= 100 ? { n: own.length, p50Ms: round(pct(own, 50)), p95Ms: round(pct(own, 95)), p99Ms: round(pct(own, 99)) } : { n: own.length, maxMs: own.length ? round(Math.max(...own)) : null }];
    }),
  );
  const result = {
    processes: apps.length,
    people: sessions.length,
    seconds: round(wallS),
    requests: samples.length,
    requestsPerSecond: round(samples.length / wallS),
    p50Ms: round(pct(ms, 50)),
    p95Ms: round(pct(ms, 95)),
    p99Ms: round(pct(ms, 99)),
    ok: count((s) => s.status < 300),
    conflicts409: count((s) => s.status === 409),
    pdfQueueFull429: count((s) => s.status === 429),
    otherClientErrors4xx: count((s) => s.status >= 400 && s.status < 500 && s.status !== 409 && s.status !== 429),
    serverErrors5xx: count((s) => s.status >= 500),
    networkErrors: failures,
    byOperation: byOp,
  };
  console.log(
    `Lasttest ${label}: ${result.people} Personen, ${result.seconds} s: ${result.requests} Anfragen (${result.requestsPerSecond}/s), p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms; ` +
      `${result.ok} erfolgreich, ${result.conflicts409}× 409 (Teil zwischendurch gespeichert), ${result.pdfQueueFull429}× 429 (PDF-Warteschlange voll), ` +
      `${result.otherClientErrors4xx} andere 4xx, ${result.serverErrors5xx} 5xx, ${result.networkErrors} Verbindungsfehler`,
  );
  console.log(
    `  je Vorgang: ${Object.entries(byOp)
      .map(([op, r]) => `${op} ${"p95Ms" in r ? `${r.n}× p50 ${r.p50Ms} / p95 ${r.p95Ms} ms` : `${r.n}× max ${r.maxMs} ms`}`)
      .join(", ")}`,
  );
  return result;
}

/** Runs the scenarios; throws when a run had a 5xx, a connection error or an unexpected 4xx. */
export async function benchLoad(opts: { externalDatabaseUrl: string; redisUrl: string }) {
  const results: Record<string, unknown> = {
    method: `${EDITORS} Redaktion + ${REVIEWERS} Prüfung, je ein Ablauf ohne Denkpause: Mischung ${MIX.map(([op, w]) => `${op} ${w} %`).join(", ")}; ${SECONDS} s je Lauf; Client und Server auf denselben Kernen`,
  };
  const problems: string[] = [];
  const check = (label: string, r: Awaited<ReturnType<typeof run>>) => {
    if (r.serverErrors5xx || r.networkErrors || r.otherClientErrors4xx) problems.push(`${label}: ${r.serverErrors5xx}× 5xx, ${r.otherClientErrors4xx} andere 4xx, ${r.networkErrors} Verbindungsfehler`);
  };

  // One process on the embedded database.
  const embedded = await startApp("last-eingebettet", { databaseUrl: "", seed: true });
  try {
    process.env.DATA_DIR = embedded.dataDir;
    process.env.DATABASE_URL = "";
    const people = await addPeople();
    results.oneProcessEmbedded = await run("1 Prozess, eingebettete Datenbank", [embedded], people);
    check("eingebettet", results.oneProcessEmbedded as Awaited<ReturnType<typeof run>>);
  } finally {
    await stopApp(embedded);
  }

  if (!opts.externalDatabaseUrl) {
    console.log("Lasttest mit zwei Prozessen: DATABASE_URL ist nicht gesetzt, nur ein Prozess auf der eingebetteten Datenbank.");
  } else {
    const sql = postgres(opts.externalDatabaseUrl, { max: 1, onnotice: () => {} });
    await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
    await sql.end();
    const apps: App[] = [];
    try {
      apps.push(await startApp("last-a", { databaseUrl: opts.externalDatabaseUrl, redisUrl: opts.redisUrl, seed: true }));
      process.env.DATABASE_URL = opts.externalDatabaseUrl;
      const people = await addPeople();
      const one = await run("1 Prozess, PostgreSQL", apps, people);
      check("PostgreSQL, 1 Prozess", one);
      apps.push(await startApp("last-b", { databaseUrl: opts.externalDatabaseUrl, redisUrl: opts.redisUrl, seed: false }));
      const two = await run(`2 Prozesse, PostgreSQL${opts.redisUrl ? " + Redis" : ""}`, apps, people);
      check("PostgreSQL, 2 Prozesse", two);
      results.oneProcessPostgres = one;
      results.twoProcessesPostgres = two;
    } finally {
      for (const app of apps) await stopApp(app);
      process.env.DATABASE_URL = "";
    }
  }
  if (problems.length) throw new Error(`Lasttest: ${problems.join("; ")}`);
  return results;
}
