import "server-only";
import { recordAudit, writeAudited } from "@/db/queries/audit";
import { getUserAddress } from "@/db/queries/users";
import { addSsoDomain, deleteGroupRole, getPasswordSignIn, listGroupRoles, listSsoDomains, removeSsoDomain, setPasswordSignIn, upsertGroupRole, userHasIdentity } from "@/db/queries/sso";
import type { Role } from "@/db/schema";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { AppError } from "@/lib/errors";
import { fieldError } from "@/lib/members/form-errors";
import { ssoConfigured } from "./config";
import { addressDomain } from "./sign-in";

/** What the members page shows about sign-in; null when no single sign-on is configured. */
export async function getSignInSettings(actor: Actor, { municipalityId }: { municipalityId: string }) {
  await requireRole(actor, municipalityId, "members.read");
  if (!ssoConfigured()) return null;
  const [passwordSignIn, domains, groupRoles] = await Promise.all([getPasswordSignIn({ municipalityId }), listSsoDomains({ municipalityId }), listGroupRoles({ municipalityId })]);
  return { passwordSignIn, domains, groupRoles };
}

/**
 * Switch password sign-in for the municipality's members. Off only while single
 * sign-on is configured, and only by an admin who has signed in through it once:
 * otherwise the admin could lock themselves out.
 */
export async function changePasswordSignIn(actor: Actor, { municipalityId, on }: { municipalityId: string; on: boolean }) {
  await requireRole(actor, municipalityId, "members.manage");
  if (!on) {
    if (!ssoConfigured()) throw new AppError("bad_request", "Ohne Single Sign-on kann die Anmeldung mit Passwort nicht abgeschaltet werden.");
    if (!(await userHasIdentity({ userId: actor.id }))) {
      throw new AppError("bad_request", "Melden Sie sich zuerst selbst einmal über Single Sign-on an, bevor Sie die Anmeldung mit Passwort abschalten.");
    }
  }
  await writeAudited(
    (tx) => setPasswordSignIn({ municipalityId, on }, tx),
    () => ({ municipalityId, actorId: actor.id, action: "sso.password_sign_in", details: { on: on ? "yes" : "no" } }),
  );
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Allow self-service sign-on (as viewer) for e-mail addresses of a domain, e.g. "musterstadt.de". Only the domain
 * of the admin's own confirmed address (or one above it): any municipality can be registered, and a domain claimed
 * by the wrong one would bring that domain's staff into it at their first sign-on.
 */
export async function allowSsoDomain(actor: Actor, { municipalityId, domain }: { municipalityId: string; domain: string }) {
  await requireRole(actor, municipalityId, "members.manage");
  if (!ssoConfigured()) throw new AppError("bad_request", "Single Sign-on ist nicht eingerichtet.");
  const clean = domain.trim().toLowerCase().replace(/^@/, "");
  if (!DOMAIN.test(clean)) throw fieldError("domain", "Bitte geben Sie eine Domain wie „musterstadt.de“ an (ohne @ und ohne Namen davor).");
  const own = await getUserAddress({ userId: actor.id });
  const ownDomain = own ? addressDomain(own.email) : "";
  if (ownDomain !== clean && !ownDomain.endsWith(`.${clean}`)) {
    throw fieldError("domain", `Freigeben können Sie nur die Domain Ihrer eigenen E-Mail-Adresse (${ownDomain || "keine"}).`);
  }
  if (!own?.emailConfirmedAt) {
    throw fieldError(
      "domain",
      "Ihre E-Mail-Adresse ist noch nicht bestätigt. Melden Sie sich einmal über Single Sign-on an oder setzen Sie Ihr Passwort über „Passwort vergessen“ neu; dann können Sie die Domain freigeben.",
    );
  }
  await writeAudited(
    (tx) => addSsoDomain({ municipalityId, domain: clean }, tx),
    () => ({ municipalityId, actorId: actor.id, action: "sso.domain.allow", details: { domain: clean } }),
  );
}

export async function disallowSsoDomain(actor: Actor, { municipalityId, domain }: { municipalityId: string; domain: string }) {
  await requireRole(actor, municipalityId, "members.manage");
  const clean = domain.trim().toLowerCase();
  await writeAudited(
    (tx) => removeSsoDomain({ municipalityId, domain: clean }, tx),
    (removed) => (removed ? { municipalityId, actorId: actor.id, action: "sso.domain.remove", details: { domain: clean } } : null),
  );
}

const ROLES: readonly Role[] = ["admin", "editor", "reviewer", "viewer"];

/**
 * Members of a group of the single sign-on provider get a role at their next sign-in
 * (lib/sso/groups.ts). The name is compared without case, as directories do.
 */
export async function setGroupRole(actor: Actor, { municipalityId, group, role }: { municipalityId: string; group: string; role: string }) {
  await requireRole(actor, municipalityId, "members.manage");
  if (!ssoConfigured()) throw new AppError("bad_request", "Single Sign-on ist nicht eingerichtet.");
  const groupName = group.trim().toLowerCase();
  if (!groupName) throw fieldError("group", "Bitte geben Sie den Namen oder die Kennung der Gruppe an, wie der Anmeldedienst sie sendet.");
  if (groupName.length > 256) throw fieldError("group", "Der Gruppenname ist zu lang (höchstens 256 Zeichen).");
  if (!ROLES.includes(role as Role)) throw fieldError("role", "Bitte wählen Sie eine Rolle.");
  await writeAudited(
    (tx) => upsertGroupRole({ municipalityId, groupName, role: role as Role }, tx),
    () => ({ municipalityId, actorId: actor.id, action: "sso.group_role.set", details: { group: groupName, role } }),
  );
}

export async function removeGroupRole(actor: Actor, { municipalityId, group }: { municipalityId: string; group: string }) {
  await requireRole(actor, municipalityId, "members.manage");
  const groupName = group.trim().toLowerCase();
  // Removing what is gone already (a second click) is no error, like a domain's removal.
  await writeAudited(
    (tx) => deleteGroupRole({ municipalityId, groupName }, tx),
    (removed) => (removed ? { municipalityId, actorId: actor.id, action: "sso.group_role.remove", details: { group: groupName } } : null),
  );
}
