/** Members, invitations and registration through lib/members/service.ts, on the database. */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getMunicipalityByAgs } from "@/db/queries/members";
import { getSessionUser, getUserByEmail, listMembershipsOfUser } from "@/db/queries/users";
import { invitations, municipalities } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/authz/require-role";
import { createConcept } from "@/lib/concepts/create";
import { readConcept } from "@/lib/concepts/exchange";
import {
  acceptInvitation,
  changeRole,
  describeInvitation,
  getMemberOverview,
  inviteMember,
  LAST_ADMIN_MESSAGE,
  registerMunicipality,
  removeMember,
  revokeInvitation,
} from "@/lib/members/service";
import { hashInvitationToken } from "@/lib/members/token";
import { signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
beforeEach(async () => {
  town = await makeMunicipality("Mitgliederstadt");
});
afterAll(() => closeDb());

const PASSWORD = "ein-sicheres-Passwort-2026";
const unique = () => randomBytes(4).toString("hex");
const tokenOf = (path: string) => path.split("/").pop()!;

async function actorFor(email: string): Promise<Actor> {
  const user = await getUserByEmail({ email });
  if (!user) throw new Error(`no user ${email}`);
  return { id: user.id, email: user.email, name: user.name, sessionId: randomUUID() };
}

/** The person's role in the test municipality, or null when not a member. */
async function roleOf(userId: string) {
  const memberships = await listMembershipsOfUser({ userId });
  return memberships.find((m) => m.municipalityId === town.municipality.id)?.role ?? null;
}

const live = async (sessionId: string) => (await getSessionUser({ sessionId })) !== null;

describe("an invitation", () => {
  it("lets a new person create an account and then work in the municipality with the invited role", async () => {
    const email = `Neue.Kollegin-${unique()}@Test.Example`;
    const path = await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "editor" });
    expect(path).toMatch(/^\/einladung\/[A-Za-z0-9_-]{43}$/);
    const open = (await getMemberOverview(town.admin, { municipalityId: town.municipality.id })).invitations;
    expect(open).toMatchObject([{ email: email.toLowerCase(), role: "editor", invitedByName: town.admin.name }]);

    expect(await describeInvitation({ token: tokenOf(path) })).toMatchObject({
      state: "valid",
      municipalityName: town.municipality.name,
      role: "editor",
      email: email.toLowerCase(),
      hasAccount: false,
    });
    const accepted = await acceptInvitation({ token: tokenOf(path), name: "Neue Kollegin", password: PASSWORD });
    expect(accepted).toEqual({ municipalityId: town.municipality.id, email: email.toLowerCase(), newAccount: true });

    // the account signs in with the chosen password …
    const user = await getUserByEmail({ email });
    expect(user).toMatchObject({ name: "Neue Kollegin" });
    expect(await verifyPassword(user!.passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(user!.passwordHash, "falsch-falsch-falsch")).toBe(false);
    // … belongs to the municipality as editor and can write a concept there
    expect(await listMembershipsOfUser({ userId: user!.id })).toEqual([
      { municipalityId: town.municipality.id, name: town.municipality.name, kind: "city", role: "editor" },
    ]);
    const actor = await actorFor(email);
    const concept = await createConcept(actor, { municipalityId: town.municipality.id, title: "Konzept der Neuen" });
    expect((await readConcept(town.viewer, concept.id)).title).toBe("Konzept der Neuen");
    expect(await roleOf(user!.id)).toBe("editor");
    expect((await getMemberOverview(town.admin, { municipalityId: town.municipality.id })).invitations).toEqual([]);
  });

  it("as reviewer gives read access only", async () => {
    const email = `pruefung-${unique()}@test.example`;
    const path = await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "reviewer" });
    await acceptInvitation({ token: tokenOf(path), name: "Rat Prüfer", password: PASSWORD });
    const reviewer = await actorFor(email);
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Zu prüfen" });
    await expect(readConcept(reviewer, concept.id)).resolves.toMatchObject({ title: "Zu prüfen" });
    await expect(createConcept(reviewer, { municipalityId: town.municipality.id, title: "Nein" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("works exactly once", async () => {
    const path = await inviteMember(town.admin, { municipalityId: town.municipality.id, email: `einmal-${unique()}@test.example`, role: "viewer" });
    await acceptInvitation({ token: tokenOf(path), name: "Erste Person", password: PASSWORD });
    await expect(acceptInvitation({ token: tokenOf(path), name: "Zweite Person", password: PASSWORD })).rejects.toMatchObject({
      code: "bad_request",
      message: "Diese Einladung wurde bereits angenommen. Bitte melden Sie sich an.",
    });
    expect(await describeInvitation({ token: tokenOf(path) })).toEqual({ state: "accepted" });
    const { members } = await getMemberOverview(town.admin, { municipalityId: town.municipality.id });
    expect(members.filter((m) => m.name === "Zweite Person")).toEqual([]);
  });

  it("accepted twice at the same moment adds the person once", async () => {
    const email = `gleichzeitig-${unique()}@test.example`;
    const path = await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "viewer" });
    const results = await Promise.allSettled([
      acceptInvitation({ token: tokenOf(path), name: "Doppelt", password: PASSWORD }),
      acceptInvitation({ token: tokenOf(path), name: "Doppelt", password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const { members } = await getMemberOverview(town.admin, { municipalityId: town.municipality.id });
    expect(members.filter((m) => m.email === email)).toHaveLength(1);
  });

  it("expires: the link then creates no account and says so", async () => {
    const email = `spaet-${unique()}@test.example`;
    const path = await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "editor" });
    const db = await getDb();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.tokenHash, hashInvitationToken(tokenOf(path))));
    expect(await describeInvitation({ token: tokenOf(path) })).toEqual({ state: "expired" });
    await expect(acceptInvitation({ token: tokenOf(path), name: "Zu Spät", password: PASSWORD })).rejects.toMatchObject({
      code: "bad_request",
      message: "Diese Einladung ist abgelaufen. Bitte bitten Sie die Leitung Ihrer Kommune um eine neue Einladung.",
    });
    expect(await getUserByEmail({ email })).toBeNull();
    expect((await getMemberOverview(town.admin, { municipalityId: town.municipality.id })).invitations).toEqual([]);
  });

  it("is unknown when the link is garbled, replaced by a newer invitation, or revoked", async () => {
    const email = `ersetzt-${unique()}@test.example`;
    const first = await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "viewer" });
    const second = await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "editor" });
    expect(await describeInvitation({ token: tokenOf(first) })).toEqual({ state: "unknown" });
    expect(await describeInvitation({ token: tokenOf(first).slice(0, 20) })).toEqual({ state: "unknown" });
    expect(await describeInvitation({ token: tokenOf(second) })).toMatchObject({ state: "valid", role: "editor" });
    await expect(acceptInvitation({ token: tokenOf(first), name: "Alt", password: PASSWORD })).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("Diese Einladung gibt es nicht."),
    });

    const [open] = (await getMemberOverview(town.admin, { municipalityId: town.municipality.id })).invitations;
    await revokeInvitation(town.admin, { municipalityId: town.municipality.id, invitationId: open!.id });
    expect(await describeInvitation({ token: tokenOf(second) })).toEqual({ state: "unknown" });
    await expect(acceptInvitation({ token: tokenOf(second), name: "Neu", password: PASSWORD })).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeInvitation(town.admin, { municipalityId: town.municipality.id, invitationId: open!.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await getUserByEmail({ email })).toBeNull();
  });

  it("asks for name and a long enough password before creating an account, and the link stays usable", async () => {
    const email = `schwach-${unique()}@test.example`;
    const path = await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "viewer" });
    await expect(acceptInvitation({ token: tokenOf(path), name: "X", password: "kurz" })).rejects.toMatchObject({
      code: "bad_request",
      details: {
        fieldErrors: {
          name: "Bitte geben Sie Ihren Namen an (mindestens 2 Zeichen).",
          password: "Das Passwort muss mindestens 10 Zeichen lang sein.",
        },
      },
    });
    expect(await getUserByEmail({ email })).toBeNull();
    expect(await describeInvitation({ token: tokenOf(path) })).toMatchObject({ state: "valid" });
  });

  it("for an address that already has an account adds the membership only with that account's password", async () => {
    const email = `zwei-kommunen-${unique()}@test.example`;
    const other = await makeMunicipality("Nachbarstadt");
    await acceptInvitation({
      token: tokenOf(await inviteMember(other.admin, { municipalityId: other.municipality.id, email, role: "admin" })),
      name: "Doppelte Mitgliedschaft",
      password: PASSWORD,
    });
    const path = await inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "viewer" });
    expect(await describeInvitation({ token: tokenOf(path) })).toMatchObject({ state: "valid", hasAccount: true });
    await expect(acceptInvitation({ token: tokenOf(path), password: "nicht-das-richtige" })).rejects.toMatchObject({
      code: "bad_request",
      details: { fieldErrors: { password: `Für ${email} gibt es bereits einen Zugang. Bitte geben Sie dessen Passwort ein.` } },
    });
    const user = await getUserByEmail({ email });
    expect(await roleOf(user!.id)).toBeNull();
    expect(await acceptInvitation({ token: tokenOf(path), password: PASSWORD })).toMatchObject({ newAccount: false });
    expect((await listMembershipsOfUser({ userId: user!.id })).map((m) => [m.municipalityId, m.role]).sort()).toEqual(
      [
        [other.municipality.id, "admin"],
        [town.municipality.id, "viewer"],
      ].sort(),
    );
  });

  it("is refused for a member and for an invalid address, with a German message", async () => {
    await expect(inviteMember(town.admin, { municipalityId: town.municipality.id, email: town.editor.email, role: "viewer" })).rejects.toMatchObject({
      code: "bad_request",
      message: `${town.editor.email} ist bereits Mitglied.`,
    });
    await expect(inviteMember(town.admin, { municipalityId: town.municipality.id, email: "keine-adresse", role: "viewer" })).rejects.toMatchObject({
      code: "bad_request",
      details: { fieldErrors: { email: "Bitte geben Sie eine gültige E-Mail-Adresse an." } },
    });
    expect((await getMemberOverview(town.admin, { municipalityId: town.municipality.id })).invitations).toEqual([]);
  });

  it("is limited, so the server cannot be used to flood inboxes: a fourth one to an address within a day, the 41st of an hour", async () => {
    const invite = (email: string) => inviteMember(town.admin, { municipalityId: town.municipality.id, email, role: "viewer" });
    const open = async () => (await getMemberOverview(town.admin, { municipalityId: town.municipality.id })).invitations.map((i) => i.id);
    const email = `oft-${unique()}@test.example`;
    for (let i = 0; i < 3; i++) await invite(i === 1 ? email.toUpperCase() : email);
    const before = await open();
    await expect(invite(email)).rejects.toMatchObject({ code: "rate_limited", message: `${email} wurde in den letzten 24 Stunden schon dreimal eingeladen. Bitte prüfen Sie die Adresse oder laden Sie später erneut ein.` });
    expect(await open()).toEqual(before);

    // (the refused one counted for the municipality: it is checked first)
    for (let i = 0; i < 36; i++) await invite(`viele-${i}-${unique()}@test.example`);
    const full = await open();
    expect(full).toHaveLength(37);
    await expect(invite(`eine-zu-viel-${unique()}@test.example`)).rejects.toMatchObject({ code: "rate_limited", message: expect.stringContaining("sehr viele Einladungen") });
    expect(await open()).toEqual(full);
  });
});

describe("changing a role", () => {
  it("takes effect at once: the person's sessions end and the new role holds", async () => {
    const first = await signIn(town.editor);
    const second = await signIn(town.editor, randomUUID());
    await signIn(town.viewer);
    expect(await live(first)).toBe(true);

    await changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.editor.id, role: "reviewer" });

    expect(await live(first)).toBe(false);
    expect(await live(second)).toBe(false);
    expect(await live(town.viewer.sessionId)).toBe(true);
    expect(await roleOf(town.editor.id)).toBe("reviewer");
    await expect(createConcept(town.editor, { municipalityId: town.municipality.id, title: "Noch schnell" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("of an admin's own membership ends their other sessions but keeps the one they use", async () => {
    await changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.editor.id, role: "admin" });
    const current = await signIn(town.admin);
    const elsewhere = await signIn(town.admin, randomUUID());
    await changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.admin.id, role: "editor" });
    expect(await live(current)).toBe(true);
    expect(await live(elsewhere)).toBe(false);
    expect(await roleOf(town.admin.id)).toBe("editor");
    expect(await roleOf(town.editor.id)).toBe("admin");
  });

  it("to the role the person already has changes nothing", async () => {
    const session = await signIn(town.viewer);
    await changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.viewer.id, role: "viewer" });
    expect(await live(session)).toBe(true);
  });

  it("of someone who is not a member is not found", async () => {
    const stranger = await makeMunicipality("Fremdstadt");
    await expect(changeRole(town.admin, { municipalityId: town.municipality.id, userId: stranger.editor.id, role: "viewer" })).rejects.toMatchObject({
      code: "not_found",
      message: "Diese Person ist kein Mitglied (mehr).",
    });
    expect((await listMembershipsOfUser({ userId: stranger.editor.id })).map((m) => m.role)).toEqual(["editor"]);
  });
});

describe("removing a member", () => {
  it("ends the person's sessions at once and leaves them nothing to see", async () => {
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Geheim" });
    const session = await signIn(town.reviewer);
    const other = await signIn(town.viewer);
    expect(await removeMember(town.admin, { municipalityId: town.municipality.id, userId: town.reviewer.id })).toEqual({ removedSelf: false });
    expect(await live(session)).toBe(false);
    expect(await live(other)).toBe(true);
    expect(await roleOf(town.reviewer.id)).toBeNull();
    await expect(readConcept(town.reviewer, concept.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember(town.admin, { municipalityId: town.municipality.id, userId: town.reviewer.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("of oneself as one of two admins works and reports it", async () => {
    await changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.editor.id, role: "admin" });
    expect(await removeMember(town.admin, { municipalityId: town.municipality.id, userId: town.admin.id })).toEqual({ removedSelf: true });
    await expect(getMemberOverview(town.admin, { municipalityId: town.municipality.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the last admin", () => {
  it("can be neither demoted nor removed, and keeps role and session", async () => {
    const session = await signIn(town.admin);
    for (const attempt of [
      () => changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.admin.id, role: "editor" }),
      () => removeMember(town.admin, { municipalityId: town.municipality.id, userId: town.admin.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining(LAST_ADMIN_MESSAGE) });
    }
    expect(LAST_ADMIN_MESSAGE).toBe("Die letzte Leitung kann nicht entfernt werden.");
    expect(await roleOf(town.admin.id)).toBe("admin");
    expect(await live(session)).toBe(true);
  });

  it("stays when two admins demote each other at the same moment", async () => {
    await changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.editor.id, role: "admin" });
    const results = await Promise.allSettled([
      changeRole(town.admin, { municipalityId: town.municipality.id, userId: town.editor.id, role: "editor" }),
      changeRole(town.editor, { municipalityId: town.municipality.id, userId: town.admin.id, role: "editor" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    // the loser either hits the last-admin rule or has just lost the right to manage members
    expect(["bad_request", "forbidden"]).toContain((rejected.reason as { code: string }).code);
    const roles = [await roleOf(town.admin.id), await roleOf(town.editor.id)];
    expect(roles.filter((r) => r === "admin")).toHaveLength(1);
    expect(roles.filter((r) => r === "editor")).toHaveLength(1);
  });
});

describe("registering a municipality", () => {
  const agsCounter = () => String(Math.floor(Math.random() * 1000)).padStart(3, "0");
  const registration = (over: Record<string, unknown> = {}) => ({
    name: "Stadt Neuanfang",
    ags: `06${agsCounter()}${agsCounter()}`,
    kind: "town" as const,
    state: "Hessen" as const,
    population: 48_500,
    adminName: "Paula Leitung",
    adminEmail: `leitung-${unique()}@neuanfang.example`,
    password: PASSWORD,
    ...over,
  });
  const key = () => `test-${unique()}`;

  it("creates the municipality and its first admin, who can sign in and manage it", async () => {
    const input = registration();
    const result = await registerMunicipality(input, { rateLimitKey: key() });
    const stored = await getMunicipalityByAgs({ ags: input.ags });
    expect(stored).toMatchObject({ id: result.municipalityId, name: "Stadt Neuanfang", kind: "town", state: "Hessen", population: 48_500 });
    const user = await getUserByEmail({ email: input.adminEmail });
    expect(user).toMatchObject({ id: result.userId, name: "Paula Leitung" });
    expect(await verifyPassword(user!.passwordHash, PASSWORD)).toBe(true);
    const admin = await actorFor(input.adminEmail);
    const { members } = await getMemberOverview(admin, { municipalityId: result.municipalityId });
    expect(members).toMatchObject([{ userId: result.userId, role: "admin" }]);
    await expect(inviteMember(admin, { municipalityId: result.municipalityId, email: `team-${unique()}@test.example`, role: "editor" })).resolves.toMatch(
      /^\/einladung\//,
    );
  });

  it("refuses an AGS that is taken, also written as Kreis- instead of Gemeindeschlüssel, and creates nothing", async () => {
    const code = `06${agsCounter()}`;
    const city = registration({ kind: "city", ags: `${code}000`, name: "Kreisfreie Neustadt" });
    await registerMunicipality(city, { rateLimitKey: key() });
    const taken = "Für diesen Gemeindeschlüssel ist bereits eine Kommune registriert.";
    for (const again of [
      registration({ kind: "city", ags: `${code}000` }),
      registration({ kind: "city", ags: `${code.slice(0, 2)} ${code.slice(2)} 000` }),
      registration({ kind: "county", ags: code }),
    ]) {
      await expect(registerMunicipality(again, { rateLimitKey: key() })).rejects.toMatchObject({
        code: "bad_request",
        message: taken,
        details: { fieldErrors: { ags: taken } },
      });
      expect(await getUserByEmail({ email: again.adminEmail })).toBeNull();
    }
    expect(await getMunicipalityByAgs({ ags: code })).toBeNull();
    expect((await getMunicipalityByAgs({ ags: `${code}000` }))?.name).toBe("Kreisfreie Neustadt");
  });

  it("refuses an e-mail address that already has an account, and creates no municipality", async () => {
    const input = registration({ adminEmail: town.viewer.email });
    await expect(registerMunicipality(input, { rateLimitKey: key() })).rejects.toMatchObject({
      code: "bad_request",
      details: { fieldErrors: { adminEmail: expect.stringContaining("Mit dieser E-Mail-Adresse gibt es bereits einen Zugang.") } },
    });
    expect(await getMunicipalityByAgs({ ags: input.ags })).toBeNull();
  });

  it("names every wrong field at once, in German", async () => {
    const input = registration({ ags: "09123456", population: 0, password: "kurz", adminName: "" });
    const error = await registerMunicipality(input, { rateLimitKey: key() }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "bad_request",
      message: "Bitte prüfen Sie die markierten Angaben.",
      details: {
        fieldErrors: {
          ags: "Ein Gemeindeschlüssel, der mit 09 beginnt, gehört zu Bayern, nicht zu Hessen.",
          population: "Die Einwohnerzahl muss mindestens 1 sein.",
          password: "Das Passwort muss mindestens 10 Zeichen lang sein.",
          adminName: "Bitte geben Sie Ihren Namen an (mindestens 2 Zeichen).",
        },
      },
    });
    const db = await getDb();
    expect(await db.select().from(municipalities).where(eq(municipalities.ags, "09123456"))).toEqual([]);
  });

  it("are limited per caller: the sixth registration within the hour is refused", async () => {
    const caller = key();
    for (let i = 0; i < 5; i++) {
      const created = await registerMunicipality(registration({ adminEmail: `serie-${i}-${unique()}@test.example` }), { rateLimitKey: caller });
      expect(created, `registration ${i + 1} of 5`).toMatchObject({ municipalityId: expect.any(String) });
    }
    const input = registration();
    await expect(registerMunicipality(input, { rateLimitKey: caller })).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining("Zu viele Registrierungen in kurzer Zeit."),
    });
    expect(await getMunicipalityByAgs({ ags: input.ags })).toBeNull();
  });
});
