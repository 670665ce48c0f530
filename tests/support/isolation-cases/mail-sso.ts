import { expect } from "vitest";
import { readConcept } from "@/lib/concepts/exchange";
import { importFile } from "@/lib/import/service";
import { getMailProblems } from "@/lib/mail/admin";
import { changePasswordSignIn, disallowSsoDomain, getSignInSettings, removeGroupRole } from "@/lib/sso/settings";
import { ADMINS_ONLY, CONTENT_WRITERS_ONLY, EVERYONE_READS, type Case } from "./case";

export const MAIL_SSO_CASES: Case[] = [
  // lib/mail, lib/sso: the admin's mail problems and sign-in settings
  { module: "lib/mail/admin", fn: getMailProblems, kind: "read", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => getMailProblems(a, { municipalityId: ids.municipalityId }) },
  { module: "lib/sso/settings", fn: getSignInSettings, kind: "read", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => getSignInSettings(a, { municipalityId: ids.municipalityId }) },
  { module: "lib/sso/settings", fn: changePasswordSignIn, kind: "write", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => changePasswordSignIn(a, { municipalityId: ids.municipalityId, on: true }) },
  { module: "lib/sso/settings", fn: disallowSsoDomain, kind: "write", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => disallowSsoDomain(a, { municipalityId: ids.municipalityId, domain: "fremd.example" }) },
  { module: "lib/sso/settings", fn: removeGroupRole, kind: "write", forbidden: ADMINS_ONLY, objectIds: false, run: (a, ids) => removeGroupRole(a, { municipalityId: ids.municipalityId, group: "fremde-gruppe" }) },
  {
    module: "lib/import/service",
    fn: importFile,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) =>
      importFile(a, { municipalityId: ids.municipalityId, fileName: "konzept.md", bytes: new TextEncoder().encode("# Sprache\n\nText zur Sprache.\n"), mapping: "auto" }),
  },
  {
    module: "lib/concepts/exchange",
    fn: readConcept,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readConcept(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject({ fields: expect.any(Array) }),
  },
];
