import "server-only";
import { getDb, type Executor } from "@/db";
import {
  countAdmins,
  createInvitation,
  createMunicipality,
  createUser,
  deleteAuthSessionsOfUserExcept,
  deleteInvitation,
  deleteMembership,
  deleteOpenInvitationsForEmail,
  findMunicipalityByAnyAgs,
  getInvitationByTokenHash,
  insertMembership,
  listMembers,
  listOpenInvitations,
  lockMunicipality,
  markInvitationAccepted,
  setRole,
} from "@/db/queries/members";
import { notifyRealtime } from "@/db/queries/realtime";
import { recordAudit } from "@/db/queries/audit";
import { confirmEmail, deleteAuthSessionsOfUser, getMembership, getUserByEmail, listMailRecipients } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { consumeOrThrow, type LimitSpec } from "@/lib/auth/rate-limit";
// Not lib/auth/session: that module pulls in next-auth, which the integration tests cannot load.
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { can } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { fieldErrors, findInvalidText, INVALID_TEXT_MESSAGE } from "@/lib/validation";
import { fieldError } from "./form-errors";
import { hashInvitationToken, INVITATION_DAYS, invitationExpiry, invitationPath, newInvitationToken } from "./token";
import { publicOrigin } from "@/lib/http/origin";
import { resolveLocale, type Locale } from "@/lib/i18n/config";
import { mailConfigured } from "@/lib/mail/config";
import { kickMailQueue, queueMail } from "@/lib/mail/queue";
import { invitationMail } from "@/lib/mail/templates";
import { getMunicipalityName } from "@/db/queries/mail";
import { agsVariants, emailSchema, invitationTokenSchema, registrationSchema, type RegistrationInput } from "./validation";

export const LAST_ADMIN_MESSAGE = "Die letzte Leitung kann nicht entfernt werden.";

/**
 * Attempts per invitation link (10 per 15 minutes): the link may lead to an
 * existing account whose password is asked for, which must not be guessable.
 * Registrations per client address (5 per hour) and, against many addresses,
 * in total (50 per hour). Counters shared by all app processes (lib/auth/rate-limit).
 */
export const MEMBER_LIMITS = {
  acceptPerToken: { keyPrefix: "invite-accept", points: 10, duration: 15 * 60 },
  // Each invitation can send a mail: enough to bring in a whole office, not enough to use the server for spam.
  invitePerMunicipality: { keyPrefix: "invite-town", points: 40, duration: 60 * 60 },
  invitePerAddress: { keyPrefix: "invite-address", points: 3, duration: 24 * 60 * 60 },
  registerPerIp: { keyPrefix: "register", points: 5, duration: 60 * 60 },
  registerAll: { keyPrefix: "register-all", points: 50, duration: 60 * 60 },
} satisfies Record<string, LimitSpec>;

/** The text rule of every form (lib/validation), here too: these functions run without a session, before any limit or write. */
function refuseInvalidText(input: object) {
  const invalid = findInvalidText(input);
  if (invalid) throw fieldError(invalid, `Diese Angabe ${INVALID_TEXT_MESSAGE}`);
}

// ---------------------------------------------------------------------------
// Members of a municipality (admins only)

/** Members and open invitations of a municipality, for its admins. */
export async function getMemberOverview(actor: Actor, { municipalityId }: { municipalityId: string }) {
  await requireRole(actor, municipalityId, "members.read");
  const [members, invitations] = await Promise.all([listMembers({ municipalityId }), listOpenInvitations({ municipalityId })]);
  return { members, invitations };
}

/**
 * Invite someone by e-mail. There is no mail server: the returned path
 * (`/einladung/<token>`) is shown once to the admin, who passes it on. Only the
 * token's hash is stored. A new invitation to the same address replaces an
 * open one, so only the newest link works.
 */
export async function inviteMember(
  actor: Actor,
  input: { municipalityId: string; email: string; role: Role },
  { locale }: { locale?: Locale } = {},
): Promise<string> {
  await requireRole(actor, input.municipalityId, "members.manage");
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw fieldError("email", email.error.issues[0]?.message ?? "Bitte geben Sie eine gültige E-Mail-Adresse an.");
  const existing = await getUserByEmail({ email: email.data });
  if (existing && (await getMembership({ userId: existing.id, municipalityId: input.municipalityId }))) {
    throw fieldError("email", `${email.data} ist bereits Mitglied.`);
  }
  // The municipality's limit first: a retry refused by it must not use up the person's own three.
  await consumeOrThrow(MEMBER_LIMITS.invitePerMunicipality, input.municipalityId, (wait) => `In der letzten Stunde wurden sehr viele Einladungen angelegt. Bitte warten Sie ${wait} und laden Sie dann weitere Personen ein.`);
  await consumeOrThrow(MEMBER_LIMITS.invitePerAddress, `${input.municipalityId}:${email.data.toLowerCase()}`, () => `${email.data} wurde in den letzten 24 Stunden schon dreimal eingeladen. Bitte prüfen Sie die Adresse oder laden Sie später erneut ein.`);
  const { token, tokenHash } = newInvitationToken();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await deleteOpenInvitationsForEmail({ municipalityId: input.municipalityId, email: email.data }, tx);
    await createInvitation(
      {
        municipalityId: input.municipalityId,
        email: email.data,
        role: input.role,
        tokenHash,
        invitedBy: actor.id,
        expiresAt: invitationExpiry(),
      },
      tx,
    );
    await recordAudit(tx, { municipalityId: input.municipalityId, actorId: actor.id, action: "invitation.create", details: { email: email.data, role: input.role } });
    // With a mail server the invitation goes out by mail, committed together with the invitation itself.
    if (mailConfigured()) {
      const municipality = await getMunicipalityName({ municipalityId: input.municipalityId }, tx);
      const content = invitationMail(resolveLocale(existing?.locale ?? locale), {
        municipalityName: municipality ?? "",
        inviterName: actor.name,
        role: input.role,
        url: new URL(invitationPath(token), publicOrigin()).href,
        days: INVITATION_DAYS,
      });
      await queueMail(tx, { municipalityId: input.municipalityId, kind: "invitation", to: email.data, content });
    }
  });
  kickMailQueue();
  return invitationPath(token);
}

export async function revokeInvitation(actor: Actor, { municipalityId, invitationId }: { municipalityId: string; invitationId: string }) {
  await requireRole(actor, municipalityId, "members.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const deleted = await deleteInvitation({ municipalityId, id: invitationId }, tx);
    if (!deleted) throw new AppError("not_found", "Diese Einladung gibt es nicht mehr. Vielleicht wurde sie schon angenommen.");
    await recordAudit(tx, { municipalityId, actorId: actor.id, action: "invitation.revoke", objectId: deleted.id, details: { email: deleted.email } });
  });
}

/**
 * Lock the municipality for a membership change and check the actor's role
 * again inside the transaction: the check before it may be stale by now.
 */
async function lockForMembershipChange(tx: Executor, actor: Actor, municipalityId: string) {
  if (!(await lockMunicipality({ municipalityId }, tx))) throw new AppError("not_found");
  const own = await getMembership({ userId: actor.id, municipalityId }, tx);
  if (!can(own?.role, "members.manage")) throw new AppError("forbidden");
}

/** How the log names a member: name and address (the name alone may be shared by two people). */
async function personName(tx: Executor, userId: string) {
  const [user] = await listMailRecipients({ userIds: [userId] }, tx);
  return user ? `${user.name} (${user.email})` : null;
}

/** End a user's sessions; an admin changing their own membership keeps the session they are using. */
async function endSessions(tx: Executor, actor: Actor, userId: string) {
  if (userId === actor.id) await deleteAuthSessionsOfUserExcept({ userId, keepSessionId: actor.sessionId }, tx);
  else await deleteAuthSessionsOfUser({ userId }, tx);
}

/**
 * Give a member another role. The member's sessions end, so the new role holds
 * everywhere at once (an open editor, the collaboration socket). The last admin
 * cannot be demoted.
 */
export async function changeRole(actor: Actor, input: { municipalityId: string; userId: string; role: Role }) {
  await requireRole(actor, input.municipalityId, "members.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockForMembershipChange(tx, actor, input.municipalityId);
    const current = await getMembership({ userId: input.userId, municipalityId: input.municipalityId }, tx);
    if (!current) throw new AppError("not_found", "Diese Person ist kein Mitglied (mehr).");
    if (current.role === input.role) return;
    if (current.role === "admin" && (await countAdmins({ municipalityId: input.municipalityId }, tx)) <= 1) {
      throw new AppError("bad_request", `${LAST_ADMIN_MESSAGE} Ernennen Sie zuerst eine weitere Person zur Leitung.`);
    }
    await setRole(input, tx);
    await recordAudit(tx, {
      municipalityId: input.municipalityId,
      actorId: actor.id,
      action: "member.role",
      objectId: input.userId,
      details: { person: await personName(tx, input.userId), from: current.role, to: input.role },
    });
    await notifyRealtime({ kind: "access", userId: input.userId }, tx);
    await endSessions(tx, actor, input.userId);
  });
}

/**
 * Remove a member from the municipality and end all of their sessions in the
 * same transaction, so a cookie still in their browser gets nothing from the
 * next request on. Returns whether the actor removed themselves.
 */
export async function removeMember(actor: Actor, input: { municipalityId: string; userId: string }): Promise<{ removedSelf: boolean }> {
  await requireRole(actor, input.municipalityId, "members.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockForMembershipChange(tx, actor, input.municipalityId);
    const current = await getMembership({ userId: input.userId, municipalityId: input.municipalityId }, tx);
    if (!current) throw new AppError("not_found", "Diese Person ist kein Mitglied (mehr).");
    if (current.role === "admin" && (await countAdmins({ municipalityId: input.municipalityId }, tx)) <= 1) {
      throw new AppError("bad_request", `${LAST_ADMIN_MESSAGE} Ernennen Sie zuerst eine weitere Person zur Leitung.`);
    }
    await deleteMembership(input, tx);
    await recordAudit(tx, { municipalityId: input.municipalityId, actorId: actor.id, action: "member.remove", objectId: input.userId, details: { person: await personName(tx, input.userId) } });
    await notifyRealtime({ kind: "access", userId: input.userId }, tx);
    await endSessions(tx, actor, input.userId);
  });
  return { removedSelf: input.userId === actor.id };
}

// ---------------------------------------------------------------------------
// Invitations, seen by the invited person (no session: the token is the credential)

export type InvitationView =
  | { state: "valid"; municipalityName: string; role: Role; email: string; hasAccount: boolean; expiresAt: Date }
  | { state: "unknown" | "expired" | "accepted" };

const INVITATION_MESSAGES = {
  unknown: "Diese Einladung gibt es nicht. Bitte prüfen Sie, ob der Link vollständig ist, oder bitten Sie um eine neue Einladung.",
  expired: "Diese Einladung ist abgelaufen. Bitte bitten Sie die Leitung Ihrer Kommune um eine neue Einladung.",
  accepted: "Diese Einladung wurde bereits angenommen. Bitte melden Sie sich an.",
} as const;

export function invitationMessage(state: Exclude<InvitationView["state"], "valid">): string {
  return INVITATION_MESSAGES[state];
}

async function findInvitation(token: string) {
  if (!invitationTokenSchema.safeParse(token).success) return { state: "unknown" as const, invitation: null };
  const invitation = await getInvitationByTokenHash({ tokenHash: hashInvitationToken(token) });
  if (!invitation) return { state: "unknown" as const, invitation: null };
  if (invitation.acceptedAt) return { state: "accepted" as const, invitation };
  if (invitation.expiresAt.getTime() <= Date.now()) return { state: "expired" as const, invitation };
  return { state: "valid" as const, invitation };
}

/** What the invitation page shows: the municipality and role of a valid invitation, or why it is not valid. */
export async function describeInvitation({ token }: { token: string }): Promise<InvitationView> {
  const found = await findInvitation(token);
  if (found.state !== "valid") return { state: found.state };
  const { invitation } = found;
  const account = await getUserByEmail({ email: invitation.email });
  return {
    state: "valid",
    municipalityName: invitation.municipalityName,
    role: invitation.role,
    email: invitation.email,
    hasAccount: !!account,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Accept an invitation. For an address that already has an account, the
 * membership is added once the password matches that account; otherwise a new
 * account is created with `name` and `password`. Marking the invitation
 * accepted happens first in the transaction, so a link works exactly once.
 */
export async function acceptInvitation(input: { token: string; name?: string; password: string }) {
  refuseInvalidText(input);
  const tokenHash = hashInvitationToken(input.token);
  await consumeOrThrow(MEMBER_LIMITS.acceptPerToken, tokenHash, (wait) => `Zu viele Versuche mit diesem Einladungslink. Bitte warten Sie ${wait}.`);
  const found = await findInvitation(input.token);
  if (found.state !== "valid") throw new AppError(found.state === "unknown" ? "not_found" : "bad_request", invitationMessage(found.state));
  const { invitation } = found;

  const existing = await getUserByEmail({ email: invitation.email });
  let passwordHash: string | null = null;
  const name = input.name?.trim() ?? "";
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, input.password))) {
      throw fieldError(
        "password",
        `Für ${invitation.email} gibt es bereits einen Zugang. Bitte geben Sie dessen Passwort ein.`,
      );
    }
  } else {
    const problems: Record<string, string> = {};
    if (name.length < 2) problems.name = "Bitte geben Sie Ihren Namen an (mindestens 2 Zeichen).";
    const weak = passwordProblem(input.password);
    if (weak) problems.password = weak;
    if (Object.keys(problems).length > 0) {
      throw new AppError("bad_request", "Bitte prüfen Sie die markierten Angaben.", { fieldErrors: problems });
    }
    // Hashing takes a moment: do it before the transaction holds a connection.
    passwordHash = await hashPassword(input.password);
  }

  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await markInvitationAccepted({ id: invitation.id }, tx))) {
      throw new AppError("bad_request", invitationMessage("accepted"));
    }
    let userId: string;
    if (existing) {
      userId = existing.id;
      // The link came by mail to this address.
      await confirmEmail({ userId }, tx);
    } else {
      const created = await createUser({ email: invitation.email, name, passwordHash: passwordHash ?? "" }, tx);
      if (!created) throw new AppError("conflict", "Für diese E-Mail-Adresse wurde eben ein Zugang angelegt. Bitte laden Sie die Seite neu.");
      userId = created.id;
    }
    const added = await insertMembership({ userId, municipalityId: invitation.municipalityId, role: invitation.role }, tx);
    if (!added) throw new AppError("bad_request", `Sie sind bereits Mitglied von ${invitation.municipalityName}. Bitte melden Sie sich an.`);
    await recordAudit(tx, { municipalityId: invitation.municipalityId, actorId: userId, action: "invitation.accept", objectId: invitation.id, details: { email: invitation.email, role: invitation.role } });
    return { municipalityId: invitation.municipalityId, email: invitation.email, newAccount: !existing };
  });
}

// ---------------------------------------------------------------------------
// Registering a municipality (no session)

/**
 * Register a municipality with its first admin: municipality, account and
 * admin membership in one transaction. `rateLimitKey` is the caller's address
 * (5 registrations per hour each; 50 per hour in total).
 */
export async function registerMunicipality(input: RegistrationInput, { rateLimitKey }: { rateLimitKey: string }) {
  refuseInvalidText(input);
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", "Bitte prüfen Sie die markierten Angaben.", { fieldErrors: fieldErrors(parsed.error) });
  const data = parsed.data;
  const message = (wait: string) => `Zu viele Registrierungen in kurzer Zeit. Bitte versuchen Sie es in ${wait} erneut.`;
  await consumeOrThrow(MEMBER_LIMITS.registerPerIp, rateLimitKey, message);
  await consumeOrThrow(MEMBER_LIMITS.registerAll, "all", message);

  const taken = "Für diesen Gemeindeschlüssel ist bereits eine Kommune registriert.";
  const accountExists =
    "Mit dieser E-Mail-Adresse gibt es bereits einen Zugang. Bitte melden Sie sich an und lassen Sie sich von der Leitung Ihrer Kommune einladen.";
  if (await findMunicipalityByAnyAgs({ ags: agsVariants(data.ags) })) throw fieldError("ags", taken);
  if (await getUserByEmail({ email: data.adminEmail })) throw fieldError("adminEmail", accountExists);

  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const municipality = await createMunicipality(
      { name: data.name, ags: data.ags, kind: data.kind, state: data.state, population: data.population },
      tx,
    );
    // The checks above can lose a race; the unique indexes cannot.
    if (!municipality) throw fieldError("ags", taken);
    // Nobody has answered a mail to this address yet: a sign-on by it later must not inherit this password (lib/sso/sign-in.ts).
    const user = await createUser({ email: data.adminEmail, name: data.adminName, passwordHash, emailConfirmed: false }, tx);
    if (!user) throw fieldError("adminEmail", accountExists);
    await insertMembership({ userId: user.id, municipalityId: municipality.id, role: "admin" }, tx);
    await recordAudit(tx, { municipalityId: municipality.id, actorId: user.id, action: "municipality.register", details: { name: data.name } });
    return { municipalityId: municipality.id, userId: user.id };
  });
}
