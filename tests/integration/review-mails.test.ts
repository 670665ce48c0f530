/** Mails about review (mention, new round, reminder before the due date) through the real queue to a real SMTP server. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { mailQueue, notifications, users } from "@/db/schema";
import { processMailQueue, smtpSender, type Sender } from "@/lib/mail/queue";
import { removeMember } from "@/lib/members/service";
import { createThread, replyToThread } from "@/lib/review/comments";
import { readInbox } from "@/lib/review/inbox";
import { sendRoundReminders } from "@/lib/review/reminders";
import { changeMailDigest, readMailDigest, sendDigests } from "@/lib/review/digest";
import { answerRound, closeRound, roundTargets, startRound } from "@/lib/review/rounds";
import { createVersion } from "@/lib/versions/service";
import { getConceptById } from "@/db/queries/concepts";
import { populatedTown, type Ids, type Town } from "../support/scenario";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

let smtp: TestSmtpServer;
let send: Sender;
let town: Town;
let ids: Ids;
const MAIL_ENV = ["SMTP_URL", "MAIL_FROM", "APP_URL"] as const;
const saved = Object.fromEntries(MAIL_ENV.map((k) => [k, process.env[k]]));
const APP = "https://konzept.musterstadt.example";
const to = (address: string) => smtp.received.filter((m) => m.to && "text" in m.to && m.to.text === address);

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: "Konzeptwerk <konzeptwerk@musterstadt.example>", APP_URL: APP });
  send = smtpSender()!;
  ({ town, ids } = await populatedTown("Mailstadt"));
  await createVersion(town.editor, { conceptId: ids.conceptId, label: "zur Prüfung" });
  // The admin reads English.
  await (await getDb()).update(users).set({ locale: "en" }).where(eq(users.id, town.admin.id));
});

afterAll(async () => {
  await smtp.close();
  for (const k of MAIL_ENV) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});

beforeEach(async () => {
  await (await getDb()).delete(mailQueue);
  smtp.received.length = 0;
});

describe("mention mails", () => {
  it("mails each mentioned member in their language with a link to the thread, without the comment's text; the author and mere participants get none", async () => {
    const secret = "Die Zahlen in Absatz 3 stimmen nicht";
    const { threadId } = await createThread(town.reviewer, {
      conceptId: ids.conceptId,
      target: { kind: "chapter", chapter: "mandate" },
      body: `@${town.editor.name} @${town.admin.name} @${town.reviewer.name} ${secret}.`,
    });
    expect(await processMailQueue({ send })).toEqual({ sent: 2, failed: 0 });
    await smtp.waitFor(2);
    const [de] = to(town.editor.email);
    const [en] = to(town.admin.email);
    expect(to(town.reviewer.email)).toEqual([]);
    const link = `${APP}/concepts/${ids.conceptId}#thread-${threadId}`;
    expect(de!.subject).toBe(`${town.reviewer.name} hat Sie erwähnt – Integrationskonzept Mailstadt`);
    expect(de!.text).toContain(link);
    expect(String(de!.html)).toContain(link);
    expect(en!.subject).toBe(`${town.reviewer.name} mentioned you – Integrationskonzept Mailstadt`);
    for (const m of [de!, en!]) {
      expect(m.text).not.toContain(secret);
      expect(String(m.html)).not.toContain(secret);
    }

    // A reply without a mention notifies the participants in the app only.
    smtp.received.length = 0;
    await replyToThread(town.editor, { conceptId: ids.conceptId, threadId, body: "Ich prüfe das." });
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 0 });
    const inApp = await (await getDb()).select().from(notifications).where(and(eq(notifications.threadId, threadId), eq(notifications.userId, town.reviewer.id)));
    expect(inApp.map((n) => n.kind)).toEqual(["reply"]);
  });

  it("queues no mail without a mail server; the notification in the app stays", async () => {
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const { threadId } = await createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "mandate" }, body: `@${town.editor.name} bitte ansehen` });
      expect(await (await getDb()).select().from(mailQueue)).toEqual([]);
      expect((await readInbox(town.editor, { municipalityId: ids.municipalityId })).notifications.some((n) => n.threadId === threadId && n.kind === "mention")).toBe(true);
    } finally {
      process.env.SMTP_URL = url;
    }
  });
});

describe("review round mails", () => {
  it("mails the reviewers of a new round (not the admin who started it) with the due date and a link to the rounds", async () => {
    await startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 1, title: "Ressortabstimmung", dueDate: "2031-03-11", reviewerIds: [town.reviewer.id, town.editor.id, town.admin.id] });
    expect(await processMailQueue({ send })).toEqual({ sent: 2, failed: 0 });
    await smtp.waitFor(2);
    const [mail] = to(town.reviewer.email);
    expect(mail!.subject).toBe("Bitte um Prüfung bis 11. März 2031 – Integrationskonzept Mailstadt");
    expect(mail!.text).toContain(`${town.admin.name} bittet Sie, „Integrationskonzept Mailstadt“ in der Prüfrunde „Ressortabstimmung“ zu prüfen.`);
    expect(mail!.text).toContain(`${APP}/concepts/${ids.conceptId}#pruefrunde`);
    expect(to(town.editor.email)).toHaveLength(1);
    expect(to(town.admin.email)).toEqual([]);
  });

  it("reminds, once, each reviewer who has not answered every chapter of an open round due within two days", async () => {
    const due = "2033-05-12";
    const { roundId } = await startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 1, title: "Erinnerungsrunde", dueDate: due, reviewerIds: [town.reviewer.id, town.editor.id] });
    const later = await startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 1, title: "Spätere Runde", dueDate: "2033-05-20", reviewerIds: [town.reviewer.id] });
    const closed = await startRound(town.admin, { conceptId: ids.conceptId, versionNumber: 1, title: "Abgeschlossene Runde", dueDate: due, reviewerIds: [town.reviewer.id] });
    await closeRound(town.admin, { conceptId: ids.conceptId, roundId: closed.roundId });
    const targets = await roundTargets((await getConceptById({ id: ids.conceptId }))!);
    // The reviewer answers everything, the editor one chapter.
    for (const t of targets) await answerRound(town.reviewer, { conceptId: ids.conceptId, roundId, target: t.key, verdict: "approve" });
    await answerRound(town.editor, { conceptId: ids.conceptId, roundId, target: targets[0]!.key, verdict: "request_changes", note: "Zahlen fehlen" });
    await (await getDb()).delete(mailQueue);

    // Three days before: too early.
    await sendRoundReminders(new Date("2033-05-09T08:00:00Z"));
    const reminders = async () => (await (await getDb()).select().from(notifications).where(eq(notifications.kind, "reminder"))).filter((n) => [roundId, later.roundId, closed.roundId].includes(n.roundId!));
    expect(await reminders()).toEqual([]);

    // Two days before, from several processes at once: one reminder, to the editor only.
    await Promise.all(Array.from({ length: 6 }, () => sendRoundReminders(new Date("2033-05-10T08:00:00Z"))));
    await sendRoundReminders(new Date("2033-05-11T08:00:00Z"));
    expect((await reminders()).map((n) => [n.roundId, n.userId])).toEqual([[roundId, town.editor.id]]);
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ text: town.editor.email });
    expect(mail!.subject).toBe("Erinnerung: Prüfung fällig am 12. Mai 2033 – Integrationskonzept Mailstadt");
    expect(mail!.text).toContain(`${targets.length - 1} Kapitel oder Handlungsfelder warten noch auf Ihre Antwort.`);
    const inbox = await readInbox(town.editor, { municipalityId: ids.municipalityId });
    expect(inbox.notifications.find((n) => n.kind === "reminder")?.roundId).toBe(roundId);
  });
});

describe("the daily summary", () => {
  it("replaces the mail per mention for who chose it, comes once a day from 7 o'clock with the unread notifications of the last 24 hours, and never twice", async () => {
    const db = await getDb();
    await changeMailDigest(town.editor, { on: true });
    expect(await readMailDigest(town.editor)).toEqual({ on: true, available: true });
    await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.userId, town.editor.id));
    const { threadId } = await createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "mandate" }, body: `@${town.editor.name} @${town.admin.name} Quelle fehlt` });
    // The admin (no summary) gets the mention at once; the editor does not.
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0 });
    await smtp.waitFor(1);
    expect(to(town.editor.email)).toEqual([]);
    smtp.received.length = 0;

    const mailsTo = async (address: string) => (await db.select().from(mailQueue)).filter((m) => m.recipient === address && m.kind === "digest");
    // Before 7 o'clock German time (04:00 UTC is 05:00 or, in summer, 06:00): nothing.
    const today = new Date();
    const at = (hhmmUtc: string) => new Date(`${today.toISOString().slice(0, 10)}T${hhmmUtc}:00Z`);
    await sendDigests(at("04:00"));
    expect(await mailsTo(town.editor.email)).toEqual([]);
    // From 7 o'clock, several processes at once: one summary.
    await Promise.all(Array.from({ length: 4 }, () => sendDigests(at("06:30"))));
    await sendDigests(at("10:00"));
    expect(await mailsTo(town.editor.email)).toHaveLength(1);
    expect(await mailsTo(town.admin.email)).toEqual([]);
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ text: town.editor.email });
    expect(mail!.subject).toBe("Ihre Zusammenfassung aus Konzeptwerk: 1 neue Benachrichtigung");
    expect(mail!.text).toContain(`• ${town.reviewer.name} hat Sie erwähnt – Integrationskonzept Mailstadt`);
    expect(mail!.text).toContain(`${APP}/aufgaben`);
    expect(mail!.text).not.toContain("Quelle fehlt");
    expect(threadId).toBeTruthy();

    // Switched off: mentions come at once again.
    await changeMailDigest(town.editor, { on: false });
    await createThread(town.reviewer, { conceptId: ids.conceptId, target: { kind: "chapter", chapter: "mandate" }, body: `@${town.editor.name} noch einmal` });
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0 });
  });

  it("tells a person removed from the municipality nothing more of it: no reply notification, no summary of earlier ones", async () => {
    const db = await getDb();
    const { town: left, ids: leftIds } = await populatedTown("Austrittsstadt");
    await changeMailDigest(left.reviewer, { on: true });
    const { threadId } = await createThread(left.reviewer, { conceptId: leftIds.conceptId, target: { kind: "chapter", chapter: "mandate" }, body: "Bitte Zahlen prüfen" });
    const replies = async () => (await db.select().from(notifications)).filter((n) => n.userId === left.reviewer.id && n.kind === "reply");
    await replyToThread(left.editor, { conceptId: leftIds.conceptId, threadId, body: "Erledigt" });
    expect(await replies()).toHaveLength(1);

    await removeMember(left.admin, { municipalityId: left.municipality.id, userId: left.reviewer.id });
    await replyToThread(left.editor, { conceptId: leftIds.conceptId, threadId, body: "Noch ein Nachtrag" });
    expect(await replies()).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    await sendDigests(new Date(`${today}T10:00:00Z`));
    expect((await db.select().from(mailQueue)).filter((m) => m.recipient === left.reviewer.email && m.kind === "digest")).toEqual([]);
  });

  it("drops a mention mail still waiting when its recipient is removed; other members' mails go", async () => {
    const db = await getDb();
    const { town: left, ids: leftIds } = await populatedTown("Wartestadt");
    await changeMailDigest(left.reviewer, { on: false });
    await changeMailDigest(left.admin, { on: false });
    await db.delete(mailQueue); // what the scenario queued (an invitation, a round)
    await createThread(left.editor, { conceptId: leftIds.conceptId, target: { kind: "chapter", chapter: "mandate" }, body: `@${left.reviewer.name} @${left.admin.name} bitte ansehen` });
    // The mail server was down: both mails wait. Meanwhile the reviewer leaves.
    await removeMember(left.admin, { municipalityId: left.municipality.id, userId: left.reviewer.id });
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0, cancelled: 1 });
    await smtp.waitFor(1);
    expect(to(left.reviewer.email)).toEqual([]);
    expect(to(left.admin.email)).toHaveLength(1);
    const [dropped] = (await db.select().from(mailQueue)).filter((m) => m.recipient === left.reviewer.email);
    expect(dropped).toMatchObject({ kind: "mention", status: "cancelled", textBody: "", htmlBody: "" });
    // Nothing is left to send, and an admin's list of failing mails does not show it.
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 0 });
  });
});
