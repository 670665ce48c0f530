/**
 * Tenant isolation: every domain function that takes an actor, called
 *  (a) by the admin of another municipality with this municipality's ids → "not_found"
 *      (also with the attacker's own concept/municipality around this one's object ids),
 *  (b) by the roles of the same municipality that may not do it → "forbidden",
 * and afterwards this municipality's data is exactly as before.
 *
 * The table (tests/support/isolation-cases/, one file per domain) must name every
 * exported function of the domain modules (MODULES there): a new
 * export that is missing here makes "covers every exported domain function" fail.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { and, eq, gte, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { closeDb, getDb } from "@/db";
import { getConceptTree, listConcepts } from "@/db/queries/concepts";
import { getSessionUser } from "@/db/queries/users";
import {
  assignments,
  auditLog,
  checkAcknowledgements,
  comments,
  commentThreads,
  indicatorValues,
  keyFigures,
  measureYearStatus,
  concepts,
  mailQueue,
  municipalities,
  municipalityLogos,
  notifications,
  partMarks,
  peerConsents,
  peerLibraryEntries,
  peerSettings,
  reviewAnswers,
  reviewRoundReviewers,
  reviewRounds,
  sectionUpdates,
  sectionYjs,
  ssoDomains,
  ssoGroupRoles,
  suggestionDecisions,
} from "@/db/schema";
import { appendClientUpdate } from "@/db/queries/realtime";
import { getPeerSettings } from "@/db/queries/peers";
import { addSsoDomain, upsertGroupRole } from "@/db/queries/sso";
import { queueMail } from "@/lib/mail/queue";
import { loadSectionState } from "@/lib/realtime/store";
import { updateToJson } from "@/lib/realtime/ydoc";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, readConcept } from "@/lib/concepts/exchange";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import * as memberService from "@/lib/members/service";
import { uploadLogo } from "@/lib/pdf/logo-service";
import { changePeerConsent, publishSnapshot } from "@/lib/peers/service";
import { shareMeasure } from "@/lib/peers/library";
import { replyToThread } from "@/lib/review/comments";
import { answerRound } from "@/lib/review/rounds";
import { acknowledgeFinding } from "@/lib/check/service";
import { markPartDone } from "@/lib/concepts/part-marks";
import { assignPlace } from "@/lib/concepts/assignments";
import { decideSuggestion } from "@/lib/suggestions/service";
import { AUDITED, NOTHING_TO_CHANGE, UNAUDITED } from "../support/audited-writes";
import { countContent } from "../support/data";
import { populatedTown, type Ids, type Town } from "../support/scenario";
import { CASES, GUARDS, MODULES, NO_ACTOR, type Case } from "../support/isolation-cases";

const { acceptInvitation, changeRole, describeInvitation, getMemberOverview, inviteMember, registerMunicipality } = memberService;

const label = (c: Case) => `${c.module}#${c.fn.name}`;
const ROLES = ["admin", "editor", "reviewer", "viewer"] as const;

let victim: { town: Town; ids: Ids };
let attacker: { town: Town; ids: Ids };
let before: { victim: unknown; attacker: unknown };

/**
 * Every row the table's functions can write for a municipality, read straight from
 * the tables (not through the functions under test), in a stable order.
 */
async function storedRows(municipalityId: string) {
  const db = await getDb();
  const all = <T extends PgTable & { municipalityId: PgColumn }>(table: T) =>
    db.select().from(table as PgTable).where(eq(table.municipalityId, municipalityId));
  const sorted = (rows: Record<string, unknown>[]) =>
    rows.map((r) => JSON.stringify(r)).sort();
  // The real-time tables name the concept, not the municipality.
  const ownConcepts = db.select({ id: concepts.id }).from(concepts).where(eq(concepts.municipalityId, municipalityId));
  return {
    municipality: await db.select().from(municipalities).where(eq(municipalities.id, municipalityId)),
    threads: sorted(await all(commentThreads)),
    comments: sorted(await all(comments)),
    rounds: sorted(await all(reviewRounds)),
    roundReviewers: sorted(await all(reviewRoundReviewers)),
    roundAnswers: sorted(await all(reviewAnswers)),
    notifications: sorted(await all(notifications)),
    audit: sorted(await all(auditLog)),
    logo: sorted(await all(municipalityLogos)),
    consent: sorted(await all(peerConsents)),
    library: sorted(await all(peerLibraryEntries)),
    acknowledgements: sorted(await all(checkAcknowledgements)),
    partMarks: sorted(await all(partMarks)),
    assignments: sorted(await all(assignments)),
    suggestionDecisions: sorted(await all(suggestionDecisions)),
    indicatorValues: sorted(await all(indicatorValues)),
    yearStatuses: sorted(await all(measureYearStatus)),
    keyFigures: sorted(await all(keyFigures)),
    mail: sorted(await all(mailQueue)),
    ssoDomains: sorted(await all(ssoDomains)),
    ssoGroupRoles: sorted(await all(ssoGroupRoles)),
    yjsStates: sorted(await db.select().from(sectionYjs).where(inArray(sectionYjs.conceptId, ownConcepts))),
    yjsUpdates: sorted(await db.select().from(sectionUpdates).where(inArray(sectionUpdates.conceptId, ownConcepts))),
    // One row for the whole installation (the secret of the peer comparison), not a municipality's: any write shows in both snapshots.
    peerSettings: sorted(await db.select().from(peerSettings)),
  };
}

/** What the users of a municipality see of its data; equal before and after means nothing changed. */
async function snapshot({ town, ids }: { town: Town; ids: Ids }) {
  const { exportedAt: _ignored, ...backup } = await exportConcept(town.admin, ids.conceptId);
  return JSON.parse(
    JSON.stringify({
      backup,
      read: await readConcept(town.admin, ids.conceptId),
      concepts: await listConcepts({ municipalityId: ids.municipalityId }),
      members: await getMemberOverview(town.admin, { municipalityId: ids.municipalityId }),
      sessions: await Promise.all(ROLES.map((r) => getSessionUser({ sessionId: town[r].sessionId }))),
      invitation: await describeInvitation({ token: ids.invitationToken }),
      rows: await countContent(ids.municipalityId),
      stored: await storedRows(ids.municipalityId),
    }),
  ) as unknown;
}

/**
 * Give a town what the scenario leaves out, so that removing it would show: a logo, consent, a shared measure, a notification,
 * a reviewer's answer, a queued mail, an SSO domain, a part opened in real time and a keystroke not yet folded into its part.
 */
async function furnish({ town, ids }: { town: Town; ids: Ids }) {
  await uploadLogo(town.admin, {
    municipalityId: ids.municipalityId,
    file: new Blob(['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2" fill="#1f4e79"/></svg>']),
  });
  await changePeerConsent(town.admin, { municipalityId: ids.municipalityId, contribute: true });
  await shareMeasure(town.admin, { conceptId: ids.conceptId, measureId: ids.secondMeasureId, title: "Elternkurse", description: "Deutschkurse für Eltern an Grundschulen." });
  await replyToThread(town.editor, { conceptId: ids.conceptId, threadId: ids.threadId, body: "Wird ergänzt." });
  await acknowledgeFinding(town.editor, { conceptId: ids.conceptId, findingKey: "fortschreibung-ohne-turnus", reason: "Bewusst leer gelassen" });
  await answerRound(town.reviewer, { conceptId: ids.conceptId, roundId: ids.roundId, target: "mandate", verdict: "approve", note: "Passt so." });
  // A part marked "fertig": a forged unmark would show.
  await markPartDone(town.editor, { conceptId: ids.conceptId, chapter: "mandate", part: "text" });
  // A responsibility: a forged removal or reassignment would show.
  await assignPlace(town.admin, { conceptId: ids.conceptId, chapter: "mandate", assigneeId: town.editor.id, dueDate: "2030-06-30" });
  const db = await getDb();
  // A mail waiting in the queue (no sender runs in this test), as an invitation with a mail server would leave it.
  await queueMail(db, {
    municipalityId: ids.municipalityId,
    kind: "invitation",
    to: `wartet-${ids.municipalityId.slice(0, 8)}@test.example`,
    content: { subject: "Einladung", text: "Sie wurden eingeladen.", html: "<p>Sie wurden eingeladen.</p>" },
  });
  // Allowing a domain through the settings needs a configured provider (sso.test.ts); the row is what matters here.
  // The domain the table's forged disallowSsoDomain names: a removal that came before the check would show.
  await addSsoDomain({ municipalityId: ids.municipalityId, domain: "fremd.example" });
  // Likewise the group the table's forged removeGroupRole names.
  await upsertGroupRole({ municipalityId: ids.municipalityId, groupName: "fremde-gruppe", role: "viewer" });
  // A decided proposal (in another part than the table's: its text and revision stay as the table expects them).
  const vision = (await getConceptTree({ conceptId: ids.conceptId })).sections.find((x) => x.chapter === "vision" && x.fieldId === null)!;
  await saveSectionText(town.editor, {
    conceptId: ids.conceptId,
    sectionId: vision.id,
    baseRevision: vision.revision,
    content: doc(p("Vielfalt ist ", { type: "text", text: "unsere", marks: [{ type: "deletion", attrs: { id: "furnished1", author: town.reviewer.id } }] }, " Stärke.")),
  });
  await decideSuggestion(town.admin, { conceptId: ids.conceptId, suggestionId: "furnished1", decision: "reject" });
  // The table's part, opened in the real-time editor: it has a Yjs state.
  await loadSectionState(ids.sectionId);
  // A second concept whose opened part has a keystroke not yet folded in: every read of the table's concept folds
  // that concept's pending keystrokes, so the pending one sits in a concept that no call of the table names.
  const second = await createConcept(town.editor, { municipalityId: ids.municipalityId, title: "Fortschreibung in Arbeit" });
  const part = (await getConceptTree({ conceptId: second.id })).sections.find((x) => x.chapter === "mandate" && x.fieldId === null)!;
  const state = await loadSectionState(part.id);
  const update = updateToJson(state!.updates, doc(p("Ein Satz, der noch nicht gespeichert ist.")));
  const appended = await appendClientUpdate({
    sectionId: part.id,
    conceptId: second.id,
    municipalityId: ids.municipalityId,
    userId: town.editor.id,
    sessionId: town.editor.sessionId,
    update: update!,
  });
  if (!appended) throw new Error("setup: keystroke not stored");
}

beforeAll(async () => {
  victim = await populatedTown("Opferstadt");
  attacker = await populatedTown("Fremdstadt");
  await furnish(victim);
  await furnish(attacker);
  // The installation's peer settings exist before the first snapshot (the first read creates them).
  await getPeerSettings();
  before = { victim: await snapshot(victim), attacker: await snapshot(attacker) };
  await publishSnapshot({ trigger: "test" });
});
afterAll(() => closeDb());

describe("the table of domain functions", () => {
  it("runs against towns that have rows in every table the snapshot reads, so a deletion would show", () => {
    for (const [town, snap] of Object.entries(before)) {
      const stored = (snap as { stored: Record<string, unknown[]> }).stored;
      const empty = Object.entries(stored).filter(([, rows]) => rows.length === 0).map(([table]) => table);
      expect(empty, `empty tables of ${town}`).toEqual([]);
    }
  });

  it("covers every exported function of the domain modules (or names it as taking no actor)", async () => {
    const missing: string[] = [];
    for (const [name, load] of Object.entries(MODULES)) {
      const mod = await load();
      for (const [key, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        if (NO_ACTOR[name]?.[key]) continue;
        if (!CASES.some((c) => c.module === name && c.fn === value)) missing.push(`${name}#${key}`);
      }
    }
    expect(missing, "exported functions without a row in CASES").toEqual([]);
    for (const [name, helpers] of Object.entries(NO_ACTOR)) {
      const mod = await MODULES[name]!();
      for (const key of Object.keys(helpers)) expect(typeof mod[key], `${name}#${key} still exists`).toBe("function");
    }
  });

  it("knows every module under lib/ that exports a function taking an actor", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const files = (fs.readdirSync(path.join(root, "lib"), { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => path.join("lib", f).split(path.sep).join("/"));
    const found: string[] = [];
    const pattern = /export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^>]*>)?\(\s*actor\b|export\s+const\s+(\w+)\s*=\s*(?:async\s*)?\(\s*actor\b/g;
    for (const file of files) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      for (const match of source.matchAll(pattern)) found.push(`${file}#${match[1] ?? match[2]}`);
    }
    expect(found.length).toBeGreaterThan(20);
    const unknown = found.filter((f) => {
      if (GUARDS.has(f)) return false;
      const [file, fn] = f.split("#") as [string, string];
      return !CASES.some((c) => `${c.module}.ts` === file && c.fn.name === fn);
    });
    expect(unknown, "functions taking an actor that the isolation table does not call").toEqual([]);
  });
});

describe("another municipality's admin", () => {
  it.each(CASES.map((c) => [label(c), c] as const))("gets not_found from %s with this municipality's ids", async (_name, c) => {
    await expect(c.run(attacker.town.admin, victim.ids)).rejects.toMatchObject({ code: "not_found" });
  });

  it.each(CASES.filter((c) => c.objectIds).map((c) => [label(c), c] as const))(
    "gets not_found from %s with its own concept/municipality but this municipality's object ids",
    async (_name, c) => {
      const mixed: Ids = { ...victim.ids, municipalityId: attacker.ids.municipalityId, conceptId: attacker.ids.conceptId };
      await expect(c.run(attacker.town.admin, mixed)).rejects.toMatchObject({ code: "not_found" });
    },
  );

  const GHOST = "00000000-0000-4000-8000-000000000000";
  const ghostIds = (): Ids => ({
    ...victim.ids,
    municipalityId: GHOST,
    conceptId: GHOST,
    fieldId: GHOST,
    customFieldId: GHOST,
    sectionId: GHOST,
    measureId: GHOST,
    indicatorId: GHOST,
    indicatorValueId: GHOST,
    keyFigureId: GHOST,
    secondMeasureId: GHOST,
    subGoalId: GHOST,
    secondSubGoalId: GHOST,
    invitationId: GHOST,
    memberUserId: GHOST,
    threadId: GHOST,
    commentId: GHOST,
    roundId: GHOST,
  });
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: "ok", message: "" }),
      (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }),
    );

  it.each(CASES.map((c) => [label(c), c] as const))("gets the same code from %s as for ids that do not exist at all", async (_name, c) => {
    const real = await outcome(c.run(attacker.town.admin, victim.ids));
    const missing = await outcome(c.run(attacker.town.admin, ghostIds()));
    expect(real.code).toBe("not_found");
    expect(missing.code).toBe("not_found");
  });

  it("gets the same message as for ids that do not exist, so nothing tells that the concept exists", async () => {
    const differing: string[] = [];
    for (const c of CASES) {
      const real = await outcome(c.run(attacker.town.admin, victim.ids));
      const missing = await outcome(c.run(attacker.town.admin, ghostIds()));
      if (real.message !== missing.message) differing.push(`${label(c)}: "${real.message}" ≠ "${missing.message}"`);
    }
    expect(differing).toEqual([]);
  });

  it("gets not_found, not a database error, for a municipality id that is not a UUID", async () => {
    const actor = attacker.town.admin;
    await expect(getMemberOverview(actor, { municipalityId: "kein-uuid" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createConcept(actor, { municipalityId: "kein-uuid", title: "X" })).rejects.toMatchObject({ code: "not_found" });
    await expect(inviteMember(actor, { municipalityId: "kein-uuid", email: "x@test.example", role: "viewer" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("members of the same municipality", () => {
  const denials = CASES.flatMap((c) => c.forbidden.map((role) => [`${label(c)} as ${role}`, c, role] as const));
  it.each(denials)("get forbidden from %s", async (_name, c, role) => {
    await expect(c.run(victim.town[role], victim.ids)).rejects.toMatchObject({ code: "forbidden", message: "Dafür fehlt Ihnen die Berechtigung." });
  });

  it("cannot raise their own role unless they are admin", async () => {
    for (const role of ["editor", "reviewer", "viewer"] as const) {
      const actor = victim.town[role];
      await expect(changeRole(actor, { municipalityId: victim.ids.municipalityId, userId: actor.id, role: "admin" })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
  });

  const readers = CASES.filter((c) => c.kind === "read" && c.forbidden.length === 0).flatMap((c) =>
    (["reviewer", "viewer"] as const).map((role) => [`${label(c)} as ${role}`, c, role] as const),
  );
  it.each(readers)("may still read: %s", async (_name, c, role) => {
    const result = await c.run(victim.town[role], victim.ids);
    c.expectOk?.(result);
  });
});

describe("after all those calls", () => {
  it("the municipality's concept, members, invitations, sessions, threads, rounds, notifications, audit log, logo, consent, library entries, queued mails, SSO domains, real-time states and pending keystrokes, and the peer settings are unchanged, and so are the other's", async () => {
    expect(await snapshot(victim)).toEqual(before.victim);
    expect(await snapshot(attacker)).toEqual(before.attacker);
  });
});

describe("every call of the table", () => {
  // Control: the same calls succeed for an admin of the municipality itself, so the
  // rejections above come from the permission checks and not from a malformed call.
  it.each(CASES.map((c) => [label(c), c] as const))("%s works for the municipality's own admin", async (_name, c) => {
    const own = await populatedTown("Eigenstadt");
    const result = await c.run(own.town.admin, own.ids);
    c.expectOk?.(result);
  });
});

describe("every write of the table", () => {
  const writes = CASES.filter((c) => c.kind === "write");
  const declared = { ...AUDITED, ...NOTHING_TO_CHANGE, ...UNAUDITED };

  /** The audit actions recorded for a municipality since a moment (a coalesced section edit moves its time forward). */
  async function auditSince(municipalityId: string, since: Date) {
    const db = await getDb();
    const rows = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, municipalityId), gte(auditLog.createdAt, since)));
    return rows.map((r) => r.action);
  }

  it("names the audit entry of each write call, or why it has none", () => {
    expect(writes.map(label).filter((l) => !(l in declared)), "write calls the audit maps do not name").toEqual([]);
    expect(Object.keys(declared).filter((l) => !writes.some((c) => label(c) === l)), "names in the audit maps without a write call").toEqual([]);
  });

  it.each(writes.filter((c) => label(c) in AUDITED).map((c) => [label(c), c] as const))(
    "%s, made by the municipality's own admin, leaves its entry in the audit log",
    async (name, c) => {
      const own = await populatedTown("Protokollstadt");
      const since = new Date();
      await c.run(own.town.admin, own.ids);
      expect(await auditSince(own.ids.municipalityId, since)).toContain(AUDITED[name]);
    },
  );

  it.each(writes.filter((c) => label(c) in NOTHING_TO_CHANGE).map((c) => [label(c), c] as const))(
    "%s changes nothing in a town without the named object, and logs nothing",
    async (_name, c) => {
      const own = await populatedTown("Protokollstadt");
      const before = await snapshot(own);
      const since = new Date();
      await c.run(own.town.admin, own.ids);
      expect(await snapshot(own)).toEqual(before);
      expect(await auditSince(own.ids.municipalityId, since)).toEqual([]);
    },
  );

  it("logs an accepted invitation as the new member, and a registration as its first admin", async () => {
    const own = await populatedTown("Protokollstadt");
    const since = new Date();
    const password = "ein-sicheres-Passwort-2026";
    const accepted = await acceptInvitation({ token: own.ids.invitationToken, name: "Neu Eingeladen", password });
    expect(await auditSince(accepted.municipalityId, since)).toEqual(["invitation.accept"]);

    const hex = () => randomBytes(3).toString("hex");
    const digits = () => String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
    const registered = await registerMunicipality(
      { name: "Stadt Protokoll", ags: `06${digits()}`, kind: "town", state: "Hessen", population: 20_000, adminName: "Paula Leitung", adminEmail: `leitung-${hex()}@protokoll.example`, password },
      { rateLimitKey: `test-${hex()}` },
    );
    expect(await auditSince(registered.municipalityId, since)).toEqual(["municipality.register"]);
  });
});
