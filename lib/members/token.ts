import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** sha-256 of a token, hex: what the database keeps instead of the token. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh link token (32 random bytes, base64url: 43 characters) and its hash. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function invitationPath(token: string): string {
  return `/einladung/${token}`;
}

export function invitationExpiry(now = new Date()): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
}
