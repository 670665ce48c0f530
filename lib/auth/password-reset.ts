import "server-only";
import { getDb } from "@/db";
import { createPasswordReset, passwordResetValid, setPasswordHash, usePasswordReset } from "@/db/queries/mail";
import { confirmEmail, deleteAuthSessionsOfUser, getUserByEmail } from "@/db/queries/users";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { consumeOrThrow, limiter, limitKey, type LimitSpec } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/origin";
import { resolveLocale } from "@/lib/i18n/config";
import { mailConfigured } from "@/lib/mail/config";
import { kickMailQueue, queueMail } from "@/lib/mail/queue";
import { passwordResetMail } from "@/lib/mail/templates";
import { fieldError } from "@/lib/members/form-errors";
import { hashInvitationToken, newInvitationToken } from "@/lib/members/token";
import { emailSchema } from "@/lib/members/validation";

/** How long a reset link works. */
export const RESET_MINUTES = 60;

/**
 * Requests per client address (10 per hour, answered with a waiting time) and
 * mails per address (3 per hour, silently: a refusal would tell that the address
 * has an account, and nobody's mailbox can be flooded).
 */
export const RESET_LIMITS = {
  perIp: { keyPrefix: "reset-ip", points: 10, duration: 60 * 60 },
  perAccount: { keyPrefix: "reset-account", points: 3, duration: 60 * 60 },
} satisfies Record<string, LimitSpec>;

export function resetPath(token: string) {
  return `/passwort-neu/${token}`;
}

/**
 * "Passwort vergessen": the same answer whether or not the address has an
 * account. For an account a single-use link (only its hash stored) is mailed in
 * the person's language; the mail is queued in the same transaction.
 */
export async function requestPasswordReset({ email: raw, ip }: { email: string; ip: string }): Promise<void> {
  if (!mailConfigured()) throw new AppError("bad_request", "Ohne Mailserver kann Konzeptwerk keinen Link verschicken. Bitte wenden Sie sich an die Leitung Ihrer Kommune.");
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success) throw fieldError("email", "Bitte geben Sie eine gültige E-Mail-Adresse an.");
  const email = parsed.data;
  await consumeOrThrow(RESET_LIMITS.perIp, ip, (wait) => `Zu viele Anfragen. Bitte versuchen Sie es in ${wait} erneut.`);
  const user = await getUserByEmail({ email });
  if (!user) return;
  const perAccount = await limiter(RESET_LIMITS.perAccount);
  try {
    await perAccount.consume(limitKey(email));
  } catch {
    return;
  }
  const { token, tokenHash } = newInvitationToken();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await createPasswordReset({ userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) }, tx);
    const content = passwordResetMail(resolveLocale(user.locale), { url: new URL(resetPath(token), publicOrigin()).href, minutes: RESET_MINUTES });
    await queueMail(tx, { municipalityId: null, kind: "password_reset", to: user.email, content });
  });
  kickMailQueue();
}

export async function resetLinkValid(token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return passwordResetValid({ tokenHash: hashInvitationToken(token) });
}

/** Set the new password with a link's token; the link is spent, and every session of the person ends. */
export async function resetPassword({ token, password }: { token: string; password: string }): Promise<void> {
  const weak = passwordProblem(password);
  if (weak) throw fieldError("password", weak);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const userId = /^[A-Za-z0-9_-]{43}$/.test(token) ? await usePasswordReset({ tokenHash: hashInvitationToken(token) }, tx) : null;
    if (!userId) throw new AppError("bad_request", "Dieser Link ist abgelaufen oder wurde schon benutzt. Bitte fordern Sie einen neuen an.");
    await setPasswordHash({ userId, passwordHash }, tx);
    // The link came by mail to the account's address.
    await confirmEmail({ userId }, tx);
    await deleteAuthSessionsOfUser({ userId }, tx);
  });
}
