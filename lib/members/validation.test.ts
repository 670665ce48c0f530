import { describe, expect, it } from "vitest";
import { GERMAN_STATES, MUNICIPALITY_KIND_LABELS, stateAgsPrefix, stateOfAgs } from "./labels";
import { hashInvitationToken, invitationExpiry, invitationPath, newInvitationToken } from "./token";
import {
  acceptInvitationSchema,
  agsProblem,
  agsVariants,
  inviteSchema,
  normalizeAgs,
  parsePopulation,
  registrationFormSchema,
  registrationSchema,
} from "./validation";

const valid = {
  name: "Landeshauptstadt München",
  ags: "09162000",
  kind: "city",
  state: "Bayern",
  population: "1.512.491",
  adminName: "Anna Beispiel",
  adminEmail: "  Anna.Beispiel@Muenchen.DE ",
  password: "ein-langes-passwort",
  passwordRepeat: "ein-langes-passwort",
};

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.join(".")] ??= issue.message;
  return out;
}

describe("Länder and labels", () => {
  it("lists the 16 Länder in AGS order", () => {
    expect(GERMAN_STATES).toHaveLength(16);
    expect(stateAgsPrefix("Schleswig-Holstein")).toBe("01");
    expect(stateAgsPrefix("Bayern")).toBe("09");
    expect(stateAgsPrefix("Thüringen")).toBe("16");
    expect(stateOfAgs("11000000")).toBe("Berlin");
    expect(stateOfAgs("17000000")).toBeNull();
    expect(stateOfAgs("00123")).toBeNull();
  });

  it("names the three kinds in German", () => {
    expect(MUNICIPALITY_KIND_LABELS).toEqual({
      city: "kreisfreie Stadt",
      county: "Landkreis",
      town: "kreisangehörige Gemeinde",
    });
  });
});

describe("AGS", () => {
  it("accepts 5 or 8 digits with a valid Land code", () => {
    expect(agsProblem("09162000")).toBeNull();
    expect(agsProblem("09162")).toBeNull();
    expect(agsProblem("16055000")).toBeNull();
  });

  it("rejects other lengths, letters and unknown Land codes", () => {
    for (const bad of ["", "0916", "091620", "0916200", "091620001", "09a62000", "17123000", "00123"]) {
      expect(agsProblem(bad), bad).not.toBeNull();
    }
  });

  it("fits the AGS to the kind of municipality", () => {
    expect(agsProblem("09184", "county")).toBeNull();
    expect(agsProblem("09184000", "county")).toMatch(/5-stelligen Kreisschlüssel/);
    expect(agsProblem("09184118", "town")).toBeNull();
    expect(agsProblem("09184", "town")).toMatch(/8-stelligen Gemeindeschlüssel/);
    expect(agsProblem("09162", "city")).toBeNull();
    expect(agsProblem("09162000", "city")).toBeNull();
  });

  it("fits the AGS to the Land", () => {
    expect(agsProblem("09162000", "city", "Bayern")).toBeNull();
    expect(agsProblem("09162000", "city", "Hessen")).toBe("Ein Gemeindeschlüssel, der mit 09 beginnt, gehört zu Bayern, nicht zu Hessen.");
  });

  it("treats a Kreisschlüssel and the 8-digit AGS of a kreisfreie Stadt as the same key", () => {
    expect(agsVariants("09162")).toEqual(["09162", "09162000"]);
    expect(agsVariants("09162000")).toEqual(["09162000", "09162"]);
    expect(agsVariants("09184118")).toEqual(["09184118"]);
  });

  it("drops spaces people copy from tables", () => {
    expect(normalizeAgs(" 09 1 62 000 ")).toBe("09162000");
  });
});

describe("population", () => {
  it("reads German thousands separators", () => {
    expect(parsePopulation("48.500")).toBe(48500);
    expect(parsePopulation("1.512.491")).toBe(1512491);
    expect(parsePopulation("48 500")).toBe(48500);
    expect(parsePopulation("48500")).toBe(48500);
    expect(parsePopulation(" 7 ")).toBe(7);
  });

  it("refuses what is not a whole number", () => {
    expect(parsePopulation("")).toBeUndefined();
    expect(parsePopulation("48,5")).toBeNaN();
    expect(parsePopulation("4.85")).toBeNaN();
    expect(parsePopulation("-3")).toBeNaN();
    expect(parsePopulation("viele")).toBeNaN();
  });
});

describe("registration", () => {
  it("accepts a complete registration and normalises it", () => {
    const result = registrationFormSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ ags: "09162000", population: 1512491, adminEmail: "anna.beispiel@muenchen.de", kind: "city" });
  });

  it("accepts the service's own input again (population as a number)", () => {
    const { passwordRepeat: _, ...input } = valid;
    const once = registrationSchema.parse(input);
    expect(registrationSchema.parse(once)).toEqual(once);
  });

  it("reports every problem at once, each at its field", () => {
    const errors = errorsOf(
      registrationFormSchema.safeParse({
        name: "X",
        ags: "12345",
        kind: "town",
        state: "Bayern",
        population: "0",
        adminName: "",
        adminEmail: "keine-adresse",
        password: "kurz",
        passwordRepeat: "anders",
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(
      ["adminEmail", "adminName", "ags", "name", "password", "passwordRepeat", "population"].sort(),
    );
    expect(errors.ags).toMatch(/8-stelligen/);
    expect(errors.password).toMatch(/mindestens 10 Zeichen/);
    expect(errors.passwordRepeat).toBe("Die beiden Passwörter stimmen nicht überein.");
  });

  it("limits the population to 1 … 4.000.000", () => {
    expect(errorsOf(registrationFormSchema.safeParse({ ...valid, population: "4.000.001" })).population).toBe(
      "Die Einwohnerzahl darf höchstens 4.000.000 sein.",
    );
    expect(errorsOf(registrationFormSchema.safeParse({ ...valid, population: "0" })).population).toBe(
      "Die Einwohnerzahl muss mindestens 1 sein.",
    );
    expect(errorsOf(registrationFormSchema.safeParse({ ...valid, population: "12,5" })).population).toMatch(/ganze Zahl/);
    expect(registrationFormSchema.safeParse({ ...valid, population: "4.000.000" }).success).toBe(true);
  });

  it("accepts only the 16 Länder and the three kinds", () => {
    const errors = errorsOf(registrationFormSchema.safeParse({ ...valid, state: "Preußen", kind: "village" }));
    expect(errors.state).toBe("Bitte wählen Sie ein Bundesland.");
    expect(errors.kind).toBe("Bitte wählen Sie die Art der Kommune.");
  });

  it("does not crash on missing fields", () => {
    const errors = errorsOf(registrationFormSchema.safeParse({}));
    expect(errors).toMatchObject({
      name: "Bitte geben Sie den Namen der Kommune an.",
      ags: "Bitte geben Sie den Gemeindeschlüssel an.",
      password: "Bitte geben Sie ein Passwort ein.",
    });
  });
});

describe("invitations", () => {
  it("validates the invite form", () => {
    const ok = inviteSchema.safeParse({ municipalityId: "6f1c2a9e-3b7d-4c1e-9a2b-1d2e3f4a5b6c", email: " Max@Example.org", role: "reviewer" });
    expect(ok.success && ok.data.email).toBe("max@example.org");
    const errors = errorsOf(inviteSchema.safeParse({ municipalityId: "x", email: "max", role: "owner" }));
    expect(Object.keys(errors).sort()).toEqual(["email", "municipalityId", "role"]);
  });

  it("makes 43-character tokens and stores only their sha-256", () => {
    const { token, tokenHash } = newInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationToken(token)).toBe(tokenHash);
    expect(newInvitationToken().token).not.toBe(token);
    expect(invitationPath(token)).toBe(`/einladung/${token}`);
  });

  it("expires after 7 days", () => {
    const now = new Date("2025-03-01T10:00:00Z");
    expect(invitationExpiry(now).toISOString()).toBe("2025-03-08T10:00:00.000Z");
  });

  it("checks the token format and the repeated password", () => {
    const token = newInvitationToken().token;
    expect(acceptInvitationSchema.safeParse({ token, name: "Max", password: "x".repeat(12), passwordRepeat: "x".repeat(12) }).success).toBe(true);
    // an existing account sends neither name nor repetition
    expect(acceptInvitationSchema.safeParse({ token, password: "geheim" }).success).toBe(true);
    const errors = errorsOf(acceptInvitationSchema.safeParse({ token: "kurz", password: "", passwordRepeat: "y" }));
    expect(Object.keys(errors).sort()).toEqual(["password", "passwordRepeat", "token"]);
  });
});
