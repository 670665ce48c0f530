/**
 * Issue 10, finding 6: a NUL or another control character in the municipality's
 * name at registration, or in the name when accepting an invitation, used to
 * reach the database ("unerwarteter Fehler") after a rate-limit point was spent.
 * Now it is refused first, naming the field, and nothing is written or counted.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getMunicipalityByAgs } from "@/db/queries/members";
import { getUserByEmail } from "@/db/queries/users";
import { acceptInvitation, describeInvitation, inviteMember, MEMBER_LIMITS, registerMunicipality } from "@/lib/members/service";
import { makeMunicipality } from "../support/fixtures";

afterAll(() => closeDb());
const unique = () => randomBytes(4).toString("hex");
const digits = () => String(Math.floor(Math.random() * 1000)).padStart(3, "0");
const registration = (over: Record<string, unknown> = {}) => ({
  name: "Stadt Neuanfang",
  ags: `06${digits()}${digits()}`,
  kind: "town" as const,
  state: "Hessen" as const,
  population: 48_500,
  adminName: "Paula Leitung",
  adminEmail: `leitung-${unique()}@neuanfang.example`,
  password: "ein-sicheres-Passwort-2026",
  ...over,
});
const REFUSED = expect.stringMatching(/^Diese Angabe enthält ein unzulässiges Steuerzeichen/);

describe("control characters at registration", () => {
  it("are refused with the field named, before the rate limit and before any write", async () => {
    const key = `text-rule-${unique()}`;
    // More tries than the limit allows: none of them may count.
    for (let i = 0; i <= MEMBER_LIMITS.registerPerIp.points; i++) {
      for (const [field, value] of [
        ["name", "Stadt\u0000Neuanfang"],
        ["name", "Stadt\u0007Neuanfang"],
        ["adminName", "Paula\u001bLeitung"],
      ] as const) {
        const input = registration({ [field]: value });
        await expect(registerMunicipality(input, { rateLimitKey: key })).rejects.toMatchObject({ code: "bad_request", details: { fieldErrors: { [field]: REFUSED } } });
        expect(await getMunicipalityByAgs({ ags: input.ags })).toBeNull();
        expect(await getUserByEmail({ email: input.adminEmail })).toBeNull();
      }
    }
    const ok = registration();
    await expect(registerMunicipality(ok, { rateLimitKey: key })).resolves.toMatchObject({ municipalityId: expect.any(String) });
  });
});

describe("control characters when accepting an invitation", () => {
  let town: Awaited<ReturnType<typeof makeMunicipality>>;
  let token: string;
  beforeAll(async () => {
    town = await makeMunicipality("Einladungsdorf");
    token = (await inviteMember(town.admin, { municipalityId: town.municipality.id, email: `neu-${unique()}@test.example`, role: "editor" })).split("/").pop()!;
  });

  it("are refused with the field named; the link stays usable", async () => {
    for (let i = 0; i <= MEMBER_LIMITS.acceptPerToken.points; i++) {
      await expect(acceptInvitation({ token, name: "Nina\u0000Neu", password: "ein-sicheres-Passwort-2026" })).rejects.toMatchObject({
        code: "bad_request",
        details: { fieldErrors: { name: REFUSED } },
      });
    }
    expect(await describeInvitation({ token })).toMatchObject({ state: "valid" });
    await expect(acceptInvitation({ token, name: "Nina Neu", password: "ein-sicheres-Passwort-2026" })).resolves.toMatchObject({ newAccount: true });
  });
});
