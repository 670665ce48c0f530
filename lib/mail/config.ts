/**
 * Outgoing mail from the environment:
 *
 *   SMTP_URL   e.g. smtp://user:password@mail.musterstadt.de:587 (STARTTLS when offered),
 *              smtps://…:465 for TLS from the start; user and password URL-encoded
 *   MAIL_FROM  sender, e.g. "Konzeptwerk <konzeptwerk@musterstadt.de>" (required with SMTP_URL)
 *
 * Without SMTP_URL no mail is sent and the app says so where one would have gone.
 * No Next.js or database imports.
 */
export type Env = Record<string, string | undefined>;
export type MailConfig = { url: string; from: string };

export function mailConfig(env: Env = process.env): MailConfig | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("SMTP_URL ist keine gültige Adresse (z. B. smtp://benutzer:passwort@mail.example.de:587).");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") throw new Error("SMTP_URL muss mit smtp:// oder smtps:// beginnen.");
  const from = env.MAIL_FROM?.trim();
  if (!from) throw new Error("MAIL_FROM fehlt: Mit SMTP_URL muss auch die Absenderadresse angegeben sein.");
  return { url, from };
}

export function mailConfigured(env: Env = process.env): boolean {
  return mailConfig(env) !== null;
}
