import "server-only";
import { getUserAddress } from "@/db/queries/users";
import { mailConfigured } from "@/lib/mail/config";
import { ssoConfigured } from "@/lib/sso/config";

/**
 * The operator of the installation (not a role of a municipality): may publish
 * a peer snapshot by hand. Named by e-mail in KONZEPTWERK_OPERATORS
 * (comma-separated); nobody is operator when it is unset.
 */
export function operatorEmails(): string[] {
  return (process.env.KONZEPTWERK_OPERATORS ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether a configured address is the user's: so the refusal can say why. */
function namesOperator(email: string): boolean {
  return operatorEmails().includes(email.trim().toLowerCase());
}

export const OPERATOR_UNCONFIRMED =
  "Ihre E-Mail-Adresse ist noch nicht bestätigt. Setzen Sie Ihr Passwort einmal über „Passwort vergessen“ neu oder melden Sie sich über Single Sign-on an; dann können Sie Vergleichsstände veröffentlichen.";
/** The same where neither way exists yet: the address can only be confirmed once a mail server or sign-on is set up. */
export const OPERATOR_UNCONFIRMABLE =
  "Ihre E-Mail-Adresse ist noch nicht bestätigt, und ohne Mailserver (SMTP_URL) oder Single Sign-on lässt sie sich nicht bestätigen. Richten Sie eines davon ein und setzen Sie dann Ihr Passwort über „Passwort vergessen“ neu oder melden Sie sich über Single Sign-on an.";

/** Why a named but unconfirmed operator may not publish yet, and what to do. */
export function operatorUnconfirmedMessage(): string {
  return mailConfigured() || ssoConfigured() ? OPERATOR_UNCONFIRMED : OPERATOR_UNCONFIRMABLE;
}

/**
 * The operator is the account whose stored address is named AND confirmed (a link from a mail, a sign-on): anyone
 * may register a municipality with any address, so a named address nobody has claimed yet proves nothing.
 * "unconfirmed": named, not confirmed yet (the page says how to confirm).
 */
export async function operatorStanding(actor: { id: string }): Promise<"operator" | "unconfirmed" | "none"> {
  if (operatorEmails().length === 0) return "none";
  const own = await getUserAddress({ userId: actor.id });
  if (!own || !namesOperator(own.email)) return "none";
  return own.emailConfirmedAt ? "operator" : "unconfirmed";
}
