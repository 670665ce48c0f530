import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listFailingMails } from "@/db/queries/mail";
import { mailQueue, passwordResets, users } from "@/db/schema";
import { requestPasswordReset, resetLinkValid, resetPassword } from "@/lib/auth/password-reset";
import { verifySignIn } from "@/lib/auth/sign-in";
import { claimDueMails } from "@/db/queries/mail";
import { FAILED_MAIL_KEEP_DAYS, MAX_ATTEMPTS, processMailQueue, queueMail, smtpSender, type Sender } from "@/lib/mail/queue";
import { inviteMember } from "@/lib/members/service";
import { retryFailedMail } from "@/lib/mail/admin";
import { makeMunicipality } from "../support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

/** E-mail through the queue in PostgreSQL to a real SMTP server on 127.0.0.1, read back with mailparser. */
let smtp: TestSmtpServer;
let send: Sender;
const MAIL_ENV = ["SMTP_URL", "MAIL_FROM", "APP_URL"] as const;
const saved = Object.fromEntries(MAIL_ENV.map((k) => [k, process.env[k]]));

async function clearQueue() {
  const db = await getDb();
  await db.delete(mailQueue);
}

const content = (n: number) => ({ subject: `Test ${n}`, text: `Text ${n}`, html: `<p>Text ${n}</p>` });

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: "Konzeptwerk <konzeptwerk@musterstadt.example>", APP_URL: "https://konzept.musterstadt.example" });
  send = smtpSender()!;
});

afterAll(async () => {
  await smtp.close();
  for (const k of MAIL_ENV) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});

beforeEach(async () => {
  await clearQueue();
  smtp.received.length = 0;
  smtp.refuseNext(0);
});

describe("mail queue", () => {
  it("sends a mail committed before a crash exactly once, from whichever process comes next", async () => {
    const db = await getDb();
    // The causing transaction commits; the process "dies" before its sender ran.
    await db.transaction((tx) => queueMail(tx, { municipalityId: null, kind: "test", to: "a@example.org", content: content(1) }));
    // A rolled-back transaction leaves no mail behind.
    await db
      .transaction(async (tx) => {
        await queueMail(tx, { municipalityId: null, kind: "test", to: "b@example.org", content: content(2) });
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0 });
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 0 });
    await smtp.waitFor(1);
    expect(smtp.received.map((m) => m.subject)).toEqual(["Test 1"]);
  });

  it("lets a mail whose sender died mid-send go out once after the lease, never twice meanwhile", async () => {
    const db = await getDb();
    const id = await db.transaction((tx) => queueMail(tx, { municipalityId: null, kind: "test", to: "c@example.org", content: content(3) }));
    // A sender claims it and dies before sending (nothing marks it sent).
    const [claimed] = await claimDueMails({ limit: 10, leaseMs: 1500 });
    expect(claimed?.id).toBe(id);
    // While the lease runs, another process finds nothing to send.
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 0 });
    await new Promise((r) => setTimeout(r, 1700));
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0 });
    await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.messageId).toBe(claimed!.messageId);
  });

  it("hands every mail to exactly one of several concurrent senders", async () => {
    const db = await getDb();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await queueMail(tx, { municipalityId: null, kind: "test", to: `n${i}@example.org`, content: content(100 + i) });
    });
    const results = await Promise.all([1, 2, 3].map(() => processMailQueue({ send, limit: 4 })));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(30);
    await smtp.waitFor(30);
    await new Promise((r) => setTimeout(r, 200));
    const subjects = smtp.received.map((m) => m.subject);
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
  });

  it("retries a refused mail with backoff and shows it to the municipality's admins when it keeps failing", async () => {
    const town = await makeMunicipality("Mailstadt");
    const db = await getDb();
    const id = await db.transaction((tx) => queueMail(tx, { municipalityId: town.municipality.id, kind: "invitation", to: "d@example.org", content: content(4) }));
    smtp.refuseNext(1);
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 1 });
    const [row] = await db.select().from(mailQueue).where(eq(mailQueue.id, id));
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/451/);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await listFailingMails({ municipalityId: town.municipality.id })).toMatchObject([{ id, recipient: "d@example.org", status: "pending" }]);
    // Not due yet: nothing is sent before the backoff is over.
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 0 });
    await db.update(mailQueue).set({ nextAttemptAt: sql`now()` }).where(eq(mailQueue.id, id));
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0 });
    expect(await listFailingMails({ municipalityId: town.municipality.id })).toEqual([]);

    // A mail refused at every attempt is given up and stays visible as failed.
    const id2 = await db.transaction((tx) => queueMail(tx, { municipalityId: town.municipality.id, kind: "invitation", to: "e@example.org", content: content(5) }));
    await db.update(mailQueue).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(mailQueue.id, id2));
    smtp.refuseNext(1);
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 1 });
    expect(await listFailingMails({ municipalityId: town.municipality.id })).toMatchObject([{ id: id2, status: "failed" }]);
    // Another municipality's admins see none of it.
    const other = await makeMunicipality("Anderswo");
    expect(await listFailingMails({ municipalityId: other.municipality.id })).toEqual([]);
  });

  it("lets an admin send a given-up mail again while its link can work, then drops its text and says to invite anew", async () => {
    const town = await makeMunicipality("Mailrest");
    const db = await getDb();
    const giveUp = async (municipalityId: string | null, to: string, n: number) => {
      const id = await db.transaction((tx) => queueMail(tx, { municipalityId, kind: municipalityId ? "invitation" : "password_reset", to, content: content(n) }));
      await db.update(mailQueue).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(mailQueue.id, id));
      return id;
    };
    const recent = await giveUp(town.municipality.id, "frisch@example.org", 7);
    const old = await giveUp(town.municipality.id, "alt@example.org", 8);
    const reset = await giveUp(null, "passwort@example.org", 9);
    smtp.refuseNext(3);
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 3 });
    const row = async (id: string) => (await db.select().from(mailQueue).where(eq(mailQueue.id, id)))[0]!;
    // A password link no admin can send again: its text (with the link's token) goes at once.
    expect(await row(reset)).toMatchObject({ status: "failed", textBody: "", htmlBody: "" });
    expect((await row(old)).textBody).toBe("Text 8");

    // One invitation was queued longer ago than its link works.
    await db.update(mailQueue).set({ createdAt: sql`now() - make_interval(days => ${FAILED_MAIL_KEEP_DAYS}, hours => 1)` }).where(eq(mailQueue.id, old));
    await db.update(mailQueue).set({ createdAt: sql`now() - make_interval(days => ${FAILED_MAIL_KEEP_DAYS - 1})` }).where(eq(mailQueue.id, recent));
    expect(await processMailQueue({ send })).toEqual({ sent: 0, failed: 0 });
    expect(await row(old)).toMatchObject({ status: "failed", textBody: "", htmlBody: "" });
    expect((await row(recent)).textBody).toBe("Text 7");
    const listed = await listFailingMails({ municipalityId: town.municipality.id });
    expect(Object.fromEntries(listed.map((m) => [m.recipient, m.hasText]))).toEqual({ "frisch@example.org": true, "alt@example.org": false });

    // "Erneut senden": refused with what to do instead for the old one, unchanged; the recent one goes out.
    await expect(retryFailedMail(town.admin, { municipalityId: town.municipality.id, mailId: old })).rejects.toThrow(/nach 7 Tagen gelöscht\. Laden Sie die Person bei Bedarf neu ein/);
    expect(await row(old)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    // Only the municipality's admins may send again.
    await expect(retryFailedMail(town.editor, { municipalityId: town.municipality.id, mailId: recent })).rejects.toMatchObject({ code: "forbidden" });
    await retryFailedMail(town.admin, { municipalityId: town.municipality.id, mailId: recent });
    expect(await processMailQueue({ send })).toEqual({ sent: 1, failed: 0 });
    await smtp.waitFor(1);
    expect(smtp.received.map((m) => [(Array.isArray(m.to) ? m.to[0] : m.to)?.text, m.subject])).toEqual([["frisch@example.org", "Test 7"]]);
  });
});

describe("mails", () => {
  it("sends the invitation in the inviter's language, as text and HTML, with a link on APP_URL", async () => {
    const town = await makeMunicipality("Einladestadt");
    await inviteMember(town.admin, { municipalityId: town.municipality.id, email: "neu@example.org", role: "reviewer" }, { locale: "en" });
    await inviteMember(town.admin, { municipalityId: town.municipality.id, email: "neu2@example.org", role: "editor" }, { locale: "de" });
    await processMailQueue({ send });
    const received = await smtp.waitFor(2);
    const en = received.find((m) => m.to && "text" in m.to && m.to.text === "neu@example.org");
    const de = received.find((m) => m.to && "text" in m.to && m.to.text === "neu2@example.org");
    expect(en!.from?.text).toContain("konzeptwerk@musterstadt.example");
    expect(en!.subject).toBe(`Invitation to Konzeptwerk – ${town.municipality.name}`);
    expect(en!.text).toMatch(/role: reviewer/);
    const link = /https:\/\/konzept\.musterstadt\.example\/einladung\/[A-Za-z0-9_-]{43}/;
    expect(en!.text).toMatch(link);
    expect(String(en!.html)).toMatch(link);
    expect(de!.subject).toBe(`Einladung zu Konzeptwerk – ${town.municipality.name}`);
    expect(de!.text).toMatch(/Rolle: Redaktion/);
    expect(String(de!.html)).toContain(`<html lang="de">`);
  });

  it("mails a single-use, time-limited reset link and answers the same for an unknown address", async () => {
    const town = await makeMunicipality("Vergessen");
    const db = await getDb();
    await db.update(users).set({ locale: "en" }).where(eq(users.id, town.viewer.id));
    const ip = `10.77.${Math.floor(Math.random() * 250)}.1`;
    await expect(requestPasswordReset({ email: "niemand@nirgends.example", ip })).resolves.toBeUndefined();
    await expect(requestPasswordReset({ email: town.viewer.email.toUpperCase(), ip })).resolves.toBeUndefined();
    await processMailQueue({ send });
    const [mail] = await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).toHaveLength(1);
    expect(mail!.to).toMatchObject({ text: town.viewer.email });
    expect(mail!.subject).toBe("Reset your Konzeptwerk password");
    const token = /https:\/\/konzept\.musterstadt\.example\/passwort-neu\/([A-Za-z0-9_-]{43})/.exec(mail!.text ?? "")![1]!;
    // The link is in the mail only: the sent mail's row keeps no body (a backup or a database dump holds no live link).
    const sent = await db.select().from(mailQueue).where(eq(mailQueue.recipient, town.viewer.email));
    expect(sent.map((m) => m.status)).toEqual(["sent"]);
    expect(sent[0]!.textBody + sent[0]!.htmlBody).toBe("");

    // Only the hash is stored.
    const rows = await db.select().from(passwordResets).where(eq(passwordResets.userId, town.viewer.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(await resetLinkValid(token)).toBe(true);

    await expect(resetPassword({ token, password: "kurz" })).rejects.toThrow(/mindestens 10 Zeichen/);
    await resetPassword({ token, password: "ein-neues-passwort" });
    expect(await verifySignIn({ email: town.viewer.email, password: "ein-neues-passwort", ip })).toMatchObject({ ok: true });
    // Single use.
    expect(await resetLinkValid(token)).toBe(false);
    await expect(resetPassword({ token, password: "noch-ein-passwort" })).rejects.toThrow(/abgelaufen oder wurde schon benutzt/);

    // Time-limited: an expired link is refused.
    await requestPasswordReset({ email: town.viewer.email, ip });
    await processMailQueue({ send });
    const [, second] = await smtp.waitFor(2);
    const token2 = /passwort-neu\/([A-Za-z0-9_-]{43})/.exec(second!.text ?? "")![1]!;
    await db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, town.viewer.id));
    await expect(resetPassword({ token: token2, password: "noch-ein-passwort" })).rejects.toThrow(/abgelaufen/);
  });
});
