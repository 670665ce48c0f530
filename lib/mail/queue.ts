import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { addressIsMember, claimDueMails, dropStaleFailedMailText, enqueueMail, markMailCancelled, markMailFailed, markMailSent, type NewMail } from "@/db/queries/mail";
import type { Executor } from "@/db";
import { errorFields, log } from "@/lib/log";
import { mailConfig, type Env } from "./config";
import type { MailContent } from "./templates";
import { INVITATION_DAYS } from "@/lib/members/token";

/**
 * The mail queue's sender. Mails are rows of mail_queue written in the
 * transaction of what causes them (lib/mail/send.ts), so a crash after the
 * commit loses nothing: any process's sender picks the row up. A row is
 * claimed with a lease (FOR UPDATE SKIP LOCKED), so two senders never take the
 * same mail; it is marked sent right after the SMTP server accepted it. Only a
 * crash in that instant can repeat a mail once, with the same Message-ID.
 */
export const MAIL_LEASE_MS = 5 * 60_000;
/** After the 8th failed attempt (about 4 hours in all) the mail is given up and shown to the admins. */
export const MAX_ATTEMPTS = 8;

/** How long a mail given up keeps its text for "Erneut senden": as long as an invitation's link works. */
export const FAILED_MAIL_KEEP_DAYS = INVITATION_DAYS;

/** 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Mails that tell a member about the municipality's work (a mention, a round, a reminder). One still waiting when
 * its recipient is removed (queued just before, or retried for hours while the mail server was down, or sent again
 * by an admin) is not sent: the person no longer belongs there. Invitations go to people who are not members yet.
 */
const FOR_MEMBERS: ReadonlySet<string> = new Set(["mention", "round", "round_reminder"]);

export type Sender = (mail: { to: string; subject: string; text: string; html: string; messageId: string }) => Promise<void>;

export function smtpSender(env: Env = process.env): Sender | null {
  const config = mailConfig(env);
  if (!config) return null;
  // Timeouts well below the lease: a hanging server must not let a second sender take the mail meanwhile.
  const transport = nodemailer.createTransport(config.url, { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return async (mail) => {
    await transport.sendMail({ ...mail, from: config.from });
  };
}

/** Queue a mail in `tx`; the Message-ID is fixed now. */
export async function queueMail(
  tx: Executor,
  { municipalityId, kind, to, content }: { municipalityId: string | null; kind: string; to: string; content: MailContent },
  env: Env = process.env,
) {
  const domain = (mailConfig(env)?.from.match(/@([^>\s]+)/)?.[1] ?? "konzeptwerk.invalid").toLowerCase();
  const mail: NewMail = {
    municipalityId,
    kind,
    recipient: to,
    subject: content.subject,
    textBody: content.text,
    htmlBody: content.html,
    messageId: `<${randomUUID()}@${domain}>`,
  };
  return enqueueMail(mail, tx);
}

/**
 * Send what is due; returns how many were sent and how many failed (and, when any, how many were dropped). Then the
 * text of mails given up goes once it can no longer be of use (dropStaleFailedMailText).
 */
export async function processMailQueue({ send, limit = 20, leaseMs = MAIL_LEASE_MS }: { send: Sender; limit?: number; leaseMs?: number }) {
  let sent = 0;
  let failed = 0;
  let cancelled = 0;
  for (;;) {
    const batch = await claimDueMails({ limit, leaseMs });
    if (batch.length === 0) {
      const dropped = await dropStaleFailedMailText({ keepDays: FAILED_MAIL_KEEP_DAYS });
      if (dropped) log.info({ event: "mail.failed_text_dropped", mails: dropped }, "Text aufgegebener E-Mails gelöscht");
      return cancelled ? { sent, failed, cancelled } : { sent, failed };
    }
    for (const mail of batch) {
      if (FOR_MEMBERS.has(mail.kind) && mail.municipalityId && !(await addressIsMember({ municipalityId: mail.municipalityId, address: mail.recipient }))) {
        await markMailCancelled({ id: mail.id, attempts: mail.attempts, reason: "Nicht gesendet: Die Person ist nicht mehr Mitglied der Kommune." });
        log.info({ event: "mail.cancelled", mailId: mail.id, kind: mail.kind }, "E-Mail verworfen: Empfänger nicht mehr Mitglied");
        cancelled += 1;
        continue;
      }
      try {
        await send({ to: mail.recipient, subject: mail.subject, text: mail.textBody, html: mail.htmlBody, messageId: mail.messageId });
        await markMailSent({ id: mail.id, attempts: mail.attempts });
        sent += 1;
      } catch (error) {
        failed += 1;
        // The SMTP server's answer (e.g. "550 mailbox unavailable"), never the mail's content. It is stored for the
        // admins, who see the recipient anyway; the log gets the error's kind and code only (the answer may name the address).
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        log.warn({ event: "mail.send_failed", mailId: mail.id, kind: mail.kind, attempt: mail.attempts, error: errorFields(error) }, "E-Mail nicht zugestellt");
        const retryAt = mail.attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + backoffMs(mail.attempts));
        await markMailFailed({ id: mail.id, attempts: mail.attempts, error: message, retryAt });
      }
    }
  }
}

const globalForMail = globalThis as unknown as { konzeptwerkMailKick?: () => void };

/**
 * Start the process's sender (scripts/start.ts): every 15 s, and at once when a
 * mail was queued in this process. Without SMTP_URL it does nothing.
 */
export function startMailWorker(env: Env = process.env): (() => void) | null {
  const send = smtpSender(env);
  if (!send) return null;
  let running = false;
  let again = false;
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    processMailQueue({ send })
      .then(({ sent, failed }) => {
        if (sent || failed) log.info({ event: "mail.queue_processed", sent, failed }, "E-Mail-Warteschlange abgearbeitet");
      })
      .catch((error: unknown) => log.error({ event: "mail.queue_failed", error: errorFields(error) }, "E-Mail-Warteschlange gestört"))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, 15_000);
  timer.unref();
  globalForMail.konzeptwerkMailKick = tick;
  tick();
  return () => {
    clearInterval(timer);
    globalForMail.konzeptwerkMailKick = undefined;
  };
}

/** After committing a mail: send it now rather than at the next round (no-op without a sender in this process). */
export function kickMailQueue() {
  globalForMail.konzeptwerkMailKick?.();
}
