import { Auth } from "@auth/core";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { authSessions, invitations, memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { authOptions } from "@/lib/auth/options";
import { verifySignIn } from "@/lib/auth/sign-in";
import { inviteMember, registerMunicipality } from "@/lib/members/service";
import { allowSsoDomain, changePasswordSignIn, getSignInSettings, removeGroupRole, setGroupRole } from "@/lib/sso/settings";
import { changeRole } from "@/lib/members/service";
import { auditLog } from "@/db/schema";
import { makeMunicipality } from "../support/fixtures";
import { startOidcServer, type TestOidcServer } from "../support/oidc-server";

/**
 * Single sign-on through Auth.js's own handler (@auth/core's Auth(), what
 * /api/auth/* runs) against a real OpenID provider on 127.0.0.1.
 */
const APP = "http://127.0.0.1:3999";
let idp: TestOidcServer;
let env: Record<string, string>;
const savedEnv = { ...process.env };

class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  names() {
    return [...this.cookies.keys()];
  }
}

async function app(path: string, jar: Jar, init: RequestInit = {}) {
  const config = { ...authOptions(env), secret: "sso-test-secret-0123456789abcdef", basePath: "/api/auth", trustHost: true };
  const headers = new Headers(init.headers);
  headers.set("cookie", jar.header());
  const response = await Auth(new Request(`${APP}${path}`, { ...init, headers }), config);
  jar.take(response);
  return response;
}

/** Click "Anmelden mit …", sign in at the provider, come back: the app's final answer to the callback. */
async function signInThroughProvider(jar: Jar) {
  const { csrfToken } = (await (await app("/api/auth/csrf", jar)).json()) as { csrfToken: string };
  const start = await app("/api/auth/signin/oidc-1", jar, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/concepts` }),
  });
  let location = start.headers.get("location")!;
  expect(location.startsWith(idp.issuer)).toBe(true);
  const idpJar = new Jar();
  for (let hop = 0; hop < 10 && location.startsWith(idp.issuer); hop++) {
    const response = await fetch(location, { redirect: "manual", headers: { cookie: idpJar.header() } });
    idpJar.take(response);
    location = new URL(response.headers.get("location")!, location).href;
  }
  expect(location.startsWith(`${APP}/api/auth/callback/oidc-1?`)).toBe(true);
  return app(location.slice(APP.length), jar);
}

async function sessionUserId(jar: Jar): Promise<string | null> {
  const session = (await (await app("/api/auth/session", jar)).json()) as { user?: { id?: string } } | null;
  return session?.user?.id ?? null;
}

async function sessionCount() {
  const db = await getDb();
  return (await db.select().from(authSessions)).length;
}

/** Give the actor's account another address, confirmed or not (the fixtures' addresses share one domain). */
async function addressOf(actor: { id: string }, email: string, { confirmed = true } = {}) {
  const db = await getDb();
  await db.update(users).set({ email, emailConfirmedAt: confirmed ? new Date() : null }).where(eq(users.id, actor.id));
}

let counter = 0;
const person = (email: string) => ({ sub: `sub-${Date.now()}-${++counter}`, email, name: "Erika Mustermann" });

beforeAll(async () => {
  idp = await startOidcServer({ redirectUris: [`${APP}/api/auth/callback/oidc-1`], postLogoutRedirectUris: [`${APP}/login`] });
  env = { OIDC_1_ISSUER: idp.issuer, OIDC_1_CLIENT_ID: idp.clientId, OIDC_1_CLIENT_SECRET: idp.clientSecret, OIDC_1_NAME: "Testdienst" };
  // The settings service reads the configuration from the process's environment.
  Object.assign(process.env, env);
});

afterAll(async () => {
  await idp.close();
  for (const key of Object.keys(env)) if (!(key in savedEnv)) delete process.env[key];
});

beforeEach(() => idp.tamper(null));

describe("single sign-on (OpenID Connect)", () => {
  it("links an invited person on first sign-in, with the invitation's role, and recognises them by subject afterwards", async () => {
    const town = await makeMunicipality("SSO-Stadt");
    const email = `invited-${Date.now()}@musterstadt.example`;
    await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "editor" });
    const account = person(email);
    idp.signInAs(account);

    const jar = new Jar();
    const done = await signInThroughProvider(jar);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`${APP}/concepts`);
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user?.passwordHash).toBeNull();
    expect(await sessionUserId(jar)).toBe(user!.id);
    const [membership] = await db.select().from(memberships).where(and(eq(memberships.userId, user!.id), eq(memberships.municipalityId, town.municipality.id)));
    expect(membership?.role).toBe("editor");
    const [invitation] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(invitation?.acceptedAt).not.toBeNull();

    // Same subject, new address at the provider: still the same person, role unchanged.
    idp.signInAs({ ...account, email: `renamed-${email}` });
    const again = new Jar();
    await signInThroughProvider(again);
    expect(await sessionUserId(again)).toBe(user!.id);
  });

  it("refuses an unknown person and creates nothing", async () => {
    const email = `stranger-${Date.now()}@elsewhere.example`;
    idp.signInAs(person(email));
    const before = await sessionCount();
    const jar = new Jar();
    const done = await signInThroughProvider(jar);
    expect(done.headers.get("location")).toBe(`${APP}/login?sso=unknown`);
    expect(await sessionUserId(jar)).toBeNull();
    expect(await sessionCount()).toBe(before);
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("lets an unknown person of an allowed domain in as viewer (self-service)", async () => {
    const town = await makeMunicipality("Selbstbedienung");
    const domain = `amt-${Date.now()}.example`;
    await addressOf(town.admin, `leitung@${domain}`);
    await allowSsoDomain(town.admin, { municipalityId: town.municipality.id, domain });
    const email = `neu@${domain}`;
    idp.signInAs(person(email));
    const jar = new Jar();
    await signInThroughProvider(jar);
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(await sessionUserId(jar)).toBe(user!.id);
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(membership).toMatchObject({ municipalityId: town.municipality.id, role: "viewer" });
  });

  it("lets an admin allow only the domain of their own confirmed address, and stores nothing else", async () => {
    const town = await makeMunicipality("Domänenstadt");
    const domain = `rathaus-${Date.now()}.example`;
    const allow = (d: string) => allowSsoDomain(town.admin, { municipalityId: town.municipality.id, domain: d });
    await addressOf(town.admin, `leitung@${domain}`);
    await expect(allow("grossstadt.example")).rejects.toMatchObject({ details: { fieldErrors: { domain: `Freigeben können Sie nur die Domain Ihrer eigenen E-Mail-Adresse (${domain}).` } } });
    await addressOf(town.admin, `leitung@${domain}`, { confirmed: false });
    await expect(allow(domain)).rejects.toMatchObject({ details: { fieldErrors: { domain: expect.stringMatching(/noch nicht bestätigt/) } } });
    expect((await getSignInSettings(town.admin, { municipalityId: town.municipality.id }))?.domains).toEqual([]);
    // an address one level below the domain (the town hall's mail server) may allow it
    await addressOf(town.admin, `leitung@post.${domain}`);
    await allow(domain);
    expect((await getSignInSettings(town.admin, { municipalityId: town.municipality.id }))?.domains).toEqual([domain]);
  });

  it("a sign-on by the address of a registered account that was never confirmed takes it over: the registrant's password and sessions end", async () => {
    const email = `leitung-${Date.now()}@vorweg.example`;
    const registered = await registerMunicipality(
      { name: "Vorweg", ags: `06${String(Date.now()).slice(-6)}`, kind: "town", state: "Hessen", population: 48_500, adminName: "Vorweg Leitung", adminEmail: email, password: "registriert-vorab-1234" },
      { rateLimitKey: `sso-${Date.now()}` },
    );
    const db = await getDb();
    await db.insert(authSessions).values({ id: `vorweg-${Date.now()}`, userId: registered.userId, expiresAt: new Date(Date.now() + 3_600_000) });
    const ip = `10.8.${counter}.1`;
    expect(await verifySignIn({ email, password: "registriert-vorab-1234", ip })).toMatchObject({ ok: true });

    idp.signInAs(person(email));
    const jar = new Jar();
    await signInThroughProvider(jar);
    expect(await sessionUserId(jar)).toBe(registered.userId);
    const [user] = await db.select().from(users).where(eq(users.id, registered.userId));
    expect(user?.passwordHash).toBeNull();
    expect(user?.emailConfirmedAt).not.toBeNull();
    expect(await db.select().from(authSessions).where(eq(authSessions.userId, registered.userId))).toHaveLength(1); // only the sign-on's own
    expect(await verifySignIn({ email, password: "registriert-vorab-1234", ip })).toEqual({ ok: false, reason: "invalid" });
  });

  it("a confirmed account keeps its password when it signs on through the provider the first time", async () => {
    const town = await makeMunicipality("Bestätigt");
    const db = await getDb();
    await db.update(users).set({ passwordHash: await hashPassword("eigenes-passwort-123") }).where(eq(users.id, town.editor.id));
    idp.signInAs(person(town.editor.email));
    await signInThroughProvider(new Jar());
    expect(await verifySignIn({ email: town.editor.email, password: "eigenes-passwort-123", ip: `10.7.${counter}.1` })).toMatchObject({ ok: true });
  });

  it("refuses an address the provider calls unverified", async () => {
    const town = await makeMunicipality("Unbestätigt");
    const email = `unverified-${Date.now()}@musterstadt.example`;
    await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "editor" });
    idp.signInAs({ ...person(email), emailVerified: false });
    const jar = new Jar();
    const done = await signInThroughProvider(jar);
    expect(done.headers.get("location")).toBe(`${APP}/login?sso=no_email`);
    expect(await sessionUserId(jar)).toBeNull();
  });

  for (const mode of ["audience", "expired", "signature", "nonce"] as const) {
    it(`refuses an ID token with ${mode === "audience" ? "a wrong audience" : mode === "expired" ? "an expired lifetime" : mode === "signature" ? "a tampered signature" : "a wrong nonce"}`, async () => {
      const town = await makeMunicipality("Manipuliert");
      const email = `tamper-${mode}-${Date.now()}@musterstadt.example`;
      await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "admin" });
      idp.signInAs(person(email));
      idp.tamper(mode);
      const before = await sessionCount();
      const jar = new Jar();
      const done = await signInThroughProvider(jar);
      expect(done.status).toBe(302);
      expect(done.headers.get("location")).toMatch(new RegExp(`^${APP}/login\\?error=`));
      expect(jar.names().some((n) => n.includes("session-token"))).toBe(false);
      expect(await sessionUserId(jar)).toBeNull();
      expect(await sessionCount()).toBe(before);
      // Nothing happened on the app's side: the invitation is still open, no account exists.
      const db = await getDb();
      expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
      const [invitation] = await db.select().from(invitations).where(eq(invitations.email, email));
      expect(invitation?.acceptedAt).toBeNull();
    });
  }

  it("switches password sign-in off only for an admin who signed in through single sign-on, and then refuses the password", async () => {
    const town = await makeMunicipality("Nur SSO");
    const db = await getDb();
    await db.update(users).set({ passwordHash: await hashPassword("richtiges-passwort") }).where(eq(users.id, town.editor.id));
    await expect(changePasswordSignIn(town.editor, { municipalityId: town.municipality.id, on: false })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changePasswordSignIn(town.admin, { municipalityId: town.municipality.id, on: false })).rejects.toThrow(/zuerst selbst einmal über Single Sign-on/);

    idp.signInAs(person(town.admin.email));
    await signInThroughProvider(new Jar());
    await changePasswordSignIn(town.admin, { municipalityId: town.municipality.id, on: false });

    const ip = `10.9.${counter}.1`;
    expect(await verifySignIn({ email: town.editor.email, password: "richtiges-passwort", ip })).toEqual({ ok: false, reason: "sso_required" });
    // A wrong password still gets the plain answer: nothing about the account is told.
    expect(await verifySignIn({ email: town.editor.email, password: "falsch-falsch", ip })).toEqual({ ok: false, reason: "invalid" });
    await changePasswordSignIn(town.admin, { municipalityId: town.municipality.id, on: true });
    expect(await verifySignIn({ email: town.editor.email, password: "richtiges-passwort", ip })).toMatchObject({ ok: true });
  });

  describe("roles from the provider's groups", () => {
    const membershipOf = async (userId: string, municipalityId: string) => {
      const db = await getDb();
      const [m] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.municipalityId, municipalityId)));
      return m ?? null;
    };
    const userByEmail = async (email: string) => (await (await getDb()).select().from(users).where(eq(users.email, email)))[0]!;

    it("lets an unknown person in with the highest mapped role, follows the groups at each sign-in, and ends the access when the group is gone", async () => {
      const town = await makeMunicipality("Gruppenstadt");
      const other = await makeMunicipality("Nachbarstadt");
      await setGroupRole(town.admin, { municipalityId: town.municipality.id, group: "Integrationsbuero-Redaktion", role: "editor" });
      await setGroupRole(town.admin, { municipalityId: town.municipality.id, group: "rat-alle", role: "viewer" });
      await setGroupRole(other.admin, { municipalityId: other.municipality.id, group: "rat-alle", role: "reviewer" });
      expect((await getSignInSettings(town.admin, { municipalityId: town.municipality.id }))!.groupRoles).toEqual([
        { groupName: "integrationsbuero-redaktion", role: "editor" },
        { groupName: "rat-alle", role: "viewer" },
      ]);

      const email = `gruppe-${Date.now()}@musterstadt.example`;
      const account = { ...person(email), groups: ["INTEGRATIONSBUERO-REDAKTION", "rat-alle", "kantine"] };
      idp.signInAs(account);
      const first = new Jar();
      await signInThroughProvider(first);
      const user = await userByEmail(email);
      expect(await sessionUserId(first)).toBe(user.id);
      expect(await membershipOf(user.id, town.municipality.id)).toMatchObject({ role: "editor", fromGroup: true });
      expect(await membershipOf(user.id, other.municipality.id)).toMatchObject({ role: "reviewer", fromGroup: true });

      // Left the editing group: the role follows at the next sign-in.
      idp.signInAs({ ...account, groups: ["rat-alle"] });
      await signInThroughProvider(new Jar());
      expect(await membershipOf(user.id, town.municipality.id)).toMatchObject({ role: "viewer", fromGroup: true });

      // A token without the groups claim changes nothing.
      idp.signInAs({ ...person(email), sub: account.sub });
      await signInThroughProvider(new Jar());
      expect(await membershipOf(user.id, town.municipality.id)).toMatchObject({ role: "viewer" });

      // No mapped group any more: the access ends, and the log says so.
      idp.signInAs({ ...account, groups: ["kantine"] });
      await signInThroughProvider(new Jar());
      expect(await membershipOf(user.id, town.municipality.id)).toBeNull();
      expect(await membershipOf(user.id, other.municipality.id)).toBeNull();
      const log = await (await getDb()).select().from(auditLog).where(and(eq(auditLog.municipalityId, town.municipality.id), eq(auditLog.objectId, user.id)));
      expect(log.map((e) => e.action).sort()).toEqual(["member.join_by_group", "member.leave_by_group", "member.role_by_group"]);
    });

    it("leaves a role an admin set by hand alone, and never removes the last admin", async () => {
      const town = await makeMunicipality("Handverlesen");
      await setGroupRole(town.admin, { municipalityId: town.municipality.id, group: "lesende", role: "viewer" });
      // The editor signs in with a mapped group: the admin's role stays.
      idp.signInAs({ ...person(town.editor.email), groups: ["lesende"] });
      await signInThroughProvider(new Jar());
      expect(await membershipOf(town.editor.id, town.municipality.id)).toMatchObject({ role: "editor", fromGroup: false });

      // An admin by group who is the last admin keeps the role when the group is gone.
      await setGroupRole(town.admin, { municipalityId: town.municipality.id, group: "leitung", role: "admin" });
      const email = `leitung-${Date.now()}@musterstadt.example`;
      const account = { ...person(email), groups: ["leitung"] };
      idp.signInAs(account);
      await signInThroughProvider(new Jar());
      const boss = await userByEmail(email);
      expect(await membershipOf(boss.id, town.municipality.id)).toMatchObject({ role: "admin", fromGroup: true });
      // An admin's change by hand makes the role the admin's own (no longer from the group).
      await changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.admin.id, role: "viewer" });
      idp.signInAs({ ...account, groups: [] });
      await signInThroughProvider(new Jar());
      expect(await membershipOf(boss.id, town.municipality.id)).toMatchObject({ role: "admin", fromGroup: true });
    });

    it("lets only the municipality's admins map groups, with clear errors, and only while single sign-on is configured", async () => {
      const town = await makeMunicipality("Zuordnung");
      const other = await makeMunicipality("Fremdstadt");
      await expect(setGroupRole(town.editor, { municipalityId: town.municipality.id, group: "x", role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(setGroupRole(other.admin, { municipalityId: town.municipality.id, group: "x", role: "admin" })).rejects.toMatchObject({ code: "not_found" });
      await expect(setGroupRole(town.admin, { municipalityId: town.municipality.id, group: "  ", role: "editor" })).rejects.toMatchObject({ details: { fieldErrors: { group: expect.stringMatching(/Namen oder die Kennung/) } } });
      await expect(setGroupRole(town.admin, { municipalityId: town.municipality.id, group: "x", role: "chef" })).rejects.toMatchObject({ details: { fieldErrors: { role: expect.any(String) } } });
      await expect(removeGroupRole(town.editor, { municipalityId: town.municipality.id, group: "gibt-es-nicht" })).rejects.toMatchObject({ code: "forbidden" });
      await setGroupRole(town.admin, { municipalityId: town.municipality.id, group: "Weg", role: "viewer" });
      await removeGroupRole(town.admin, { municipalityId: town.municipality.id, group: " WEG " });
      for (const key of Object.keys(env)) delete process.env[key];
      try {
        await expect(setGroupRole(town.admin, { municipalityId: town.municipality.id, group: "x", role: "viewer" })).rejects.toThrow(/nicht eingerichtet/);
      } finally {
        Object.assign(process.env, env);
      }
      expect((await getSignInSettings(town.admin, { municipalityId: town.municipality.id }))!.groupRoles).toEqual([]);
    });
  });
});
