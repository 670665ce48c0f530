import type { MunicipalityKind } from "@/db/schema";
import { passwordProblem } from "@/lib/auth/password";
import { ROLES } from "@/lib/authz/permissions";
import { z } from "@/lib/validation";
import { GERMAN_STATES, MUNICIPALITY_KINDS, stateOfAgs } from "./labels";

export const MAX_POPULATION = 4_000_000;

/** Spaces are common when people copy a key from a table ("09 1 62 000"); they carry no meaning. */
export function normalizeAgs(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, "");
}

/**
 * Why an AGS does not fit the municipality, or null. A Landkreis has only the
 * 5-digit Kreisschlüssel, a kreisangehörige Gemeinde an 8-digit Gemeindeschlüssel,
 * a kreisfreie Stadt either; the first two digits name the Land.
 */
export function agsProblem(ags: string, kind?: MunicipalityKind, state?: string): string | null {
  if (!/^(\d{5}|\d{8})$/.test(ags)) {
    return "Der Gemeindeschlüssel hat 8 Ziffern (Gemeinde, kreisfreie Stadt), der Kreisschlüssel 5 Ziffern (Landkreis).";
  }
  const land = stateOfAgs(ags);
  if (!land) return "Ein Gemeindeschlüssel beginnt mit der Nummer des Landes, 01 bis 16.";
  if (kind === "county" && ags.length !== 5) return "Für einen Landkreis geben Sie bitte den 5-stelligen Kreisschlüssel an.";
  if (kind === "town" && ags.length !== 8) {
    return "Für eine kreisangehörige Gemeinde geben Sie bitte den 8-stelligen Gemeindeschlüssel an.";
  }
  if (state && (GERMAN_STATES as readonly string[]).includes(state) && land !== state) {
    return `Ein Gemeindeschlüssel, der mit ${ags.slice(0, 2)} beginnt, gehört zu ${land}, nicht zu ${state}.`;
  }
  return null;
}

/**
 * The keys that name the same Kreis: a kreisfreie Stadt is "09162" as a Kreis
 * and "09162000" as a Gemeinde. Registration checks all of them, so one city
 * cannot be registered twice under both spellings.
 */
export function agsVariants(ags: string): string[] {
  if (/^\d{5}$/.test(ags)) return [ags, `${ags}000`];
  if (/^\d{5}000$/.test(ags)) return [ags, ags.slice(0, 5)];
  return [ags];
}

/** "12.345", "12 345" and "12345" are the same number; anything else is not a whole number. */
export function parsePopulation(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const s = raw.trim();
  if (s === "") return undefined;
  const digits = /^\d{1,3}([.\s\u00a0\u202f]\d{3})+$/.test(s) ? s.replace(/\D/g, "") : s;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

export const emailSchema = z
  .string({ message: "Bitte geben Sie eine E-Mail-Adresse an." })
  .trim()
  .toLowerCase()
  .max(254, "Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein.")
  .email("Bitte geben Sie eine gültige E-Mail-Adresse an.");

export const personNameSchema = z
  .string({ message: "Bitte geben Sie Ihren Namen an." })
  .trim()
  .min(2, "Bitte geben Sie Ihren Namen an (mindestens 2 Zeichen).")
  .max(200, "Der Name darf höchstens 200 Zeichen lang sein.");

export const roleSchema = z.enum(ROLES as ["admin", "editor", "reviewer", "viewer"], { message: "Bitte wählen Sie eine Rolle." });

const uuid = (message: string) => z.string({ message }).uuid(message);
const municipalityId = uuid("Die Kommune fehlt oder ist ungültig.");

export const inviteSchema = z.object({ municipalityId, email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ municipalityId, userId: uuid("Das Mitglied fehlt oder ist ungültig."), role: roleSchema });
export const removeMemberSchema = z.object({ municipalityId, userId: uuid("Das Mitglied fehlt oder ist ungültig.") });
export const revokeInvitationSchema = z.object({ municipalityId, invitationId: uuid("Die Einladung fehlt oder ist ungültig.") });

/** 32 random bytes in base64url are 43 characters. */
export const invitationTokenSchema = z
  .string({ message: "Der Einladungslink ist unvollständig." })
  .regex(/^[A-Za-z0-9_-]{43}$/, "Der Einladungslink ist unvollständig. Bitte kopieren Sie ihn vollständig in die Adresszeile.");

/**
 * Accepting an invitation. Name and the repeated password only matter for a new
 * account; for an existing one the password must be that account's (checked by
 * the service, which alone knows which case it is).
 */
export const acceptInvitationSchema = z
  .object({
    token: invitationTokenSchema,
    name: z.string().trim().max(200, "Der Name darf höchstens 200 Zeichen lang sein.").optional(),
    password: z
      .string({ message: "Bitte geben Sie ein Passwort ein." })
      .min(1, "Bitte geben Sie ein Passwort ein.")
      .max(200, "Das Passwort darf höchstens 200 Zeichen lang sein."),
    passwordRepeat: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.passwordRepeat !== undefined && v.passwordRepeat !== v.password) {
      ctx.addIssue({ code: "custom", path: ["passwordRepeat"], message: "Die beiden Passwörter stimmen nicht überein." });
    }
  });

const registrationFields = {
  name: z
    .string({ message: "Bitte geben Sie den Namen der Kommune an." })
    .trim()
    .min(2, "Bitte geben Sie den Namen der Kommune an (mindestens 2 Zeichen).")
    .max(200, "Der Name der Kommune darf höchstens 200 Zeichen lang sein."),
  ags: z.string({ message: "Bitte geben Sie den Gemeindeschlüssel an." }).transform(normalizeAgs),
  kind: z.enum(MUNICIPALITY_KINDS as ["city", "county", "town"], { message: "Bitte wählen Sie die Art der Kommune." }),
  state: z.enum(GERMAN_STATES, { message: "Bitte wählen Sie ein Bundesland." }),
  population: z.preprocess(
    parsePopulation,
    z
      .number({ message: "Bitte geben Sie die Einwohnerzahl als ganze Zahl an, zum Beispiel 48.500." })
      .int("Bitte geben Sie die Einwohnerzahl als ganze Zahl an, zum Beispiel 48.500.")
      .min(1, "Die Einwohnerzahl muss mindestens 1 sein.")
      .max(MAX_POPULATION, "Die Einwohnerzahl darf höchstens 4.000.000 sein."),
  ),
  adminName: personNameSchema,
  adminEmail: emailSchema,
  password: z.string({ message: "Bitte geben Sie ein Passwort ein." }),
};

/**
 * Cross-field checks. Zod runs them even when a single field failed, so every
 * problem shows at once; the values may then be of any type.
 */
function checkRegistration(v: Record<string, unknown>, ctx: z.RefinementCtx) {
  if (typeof v.ags === "string") {
    const kind = MUNICIPALITY_KINDS.find((k) => k === v.kind);
    const state = GERMAN_STATES.find((s) => s === v.state);
    const ags = agsProblem(v.ags, kind, state);
    if (ags) ctx.addIssue({ code: "custom", path: ["ags"], message: ags });
  }
  if (typeof v.password === "string") {
    const password = passwordProblem(v.password);
    if (password) ctx.addIssue({ code: "custom", path: ["password"], message: password });
    if (typeof v.passwordRepeat === "string" && v.passwordRepeat !== v.password) {
      ctx.addIssue({ code: "custom", path: ["passwordRepeat"], message: "Die beiden Passwörter stimmen nicht überein." });
    }
  }
}

/** A new municipality and its first admin, as the service takes it. */
export const registrationSchema = z.object(registrationFields).superRefine(checkRegistration);

/** The registration form: the same, plus the repeated password. */
export const registrationFormSchema = z
  .object({ ...registrationFields, passwordRepeat: z.string({ message: "Bitte wiederholen Sie das Passwort." }) })
  .superRefine(checkRegistration);

export type RegistrationInput = z.infer<typeof registrationSchema>;
