import { expect } from "vitest";
import { changeStaffCostRate, readFunding } from "@/lib/funding/service";
import { acknowledgeFinding, readCheck, withdrawAcknowledgement } from "@/lib/check/service";
import { ADMINS_ONLY, CONTENT_WRITERS_ONLY, EVERYONE_READS, type Case } from "./case";

export const FUNDING_CHECK_CASES: Case[] = [
  // lib/funding/service, lib/check/service
  {
    module: "lib/funding/service",
    fn: readFunding,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readFunding(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject({ plan: { measures: 2 } }),
  },
  {
    module: "lib/funding/service",
    fn: changeStaffCostRate,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => changeStaffCostRate(a, { municipalityId: ids.municipalityId, cents: 1_000 }),
  },
  {
    module: "lib/check/service",
    fn: readCheck,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readCheck(a, ids.conceptId),
    expectOk: (r) => expect((r as { findings: unknown[] }).findings.length).toBeGreaterThan(0),
  },
  {
    module: "lib/check/service",
    fn: acknowledgeFinding,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => acknowledgeFinding(a, { conceptId: ids.conceptId, findingKey: `handlungsfeld-ohne-massnahme:${ids.customFieldId}`, reason: "Untergeschoben" }),
  },
  {
    module: "lib/check/service",
    fn: withdrawAcknowledgement,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // withdrawing needs a marking: the call marks first (refused just the same for strangers and readers)
    run: async (a, ids) => {
      const findingKey = `handlungsfeld-ohne-massnahme:${ids.customFieldId}`;
      await acknowledgeFinding(a, { conceptId: ids.conceptId, findingKey, reason: "Vorübergehend" });
      await withdrawAcknowledgement(a, { conceptId: ids.conceptId, findingKey });
    },
  },
];
