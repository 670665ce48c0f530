import { expect } from "vitest";
import { changeRole, getMemberOverview, inviteMember, removeMember, revokeInvitation } from "@/lib/members/service";
import { ADMINS_ONLY, type Case } from "./case";

export const MEMBER_CASES: Case[] = [
  // lib/members/service
  {
    module: "lib/members/service",
    fn: getMemberOverview,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => getMemberOverview(a, { municipalityId: ids.municipalityId }),
    expectOk: (r) => expect((r as { members: unknown[] }).members).toHaveLength(4),
  },
  {
    module: "lib/members/service",
    fn: inviteMember,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => inviteMember(a, { municipalityId: ids.municipalityId, email: `eindringling-${ids.conceptId.slice(0, 8)}@test.example`, role: "admin" }),
    expectOk: (r) => expect(r).toMatch(/^\/einladung\/[A-Za-z0-9_-]{43}$/),
  },
  {
    module: "lib/members/service",
    fn: revokeInvitation,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => revokeInvitation(a, { municipalityId: ids.municipalityId, invitationId: ids.invitationId }),
  },
  {
    module: "lib/members/service",
    fn: changeRole,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => changeRole(a, { municipalityId: ids.municipalityId, userId: ids.memberUserId, role: "admin" }),
  },
  {
    module: "lib/members/service",
    fn: removeMember,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => removeMember(a, { municipalityId: ids.municipalityId, userId: ids.memberUserId }),
    expectOk: (r) => expect(r).toEqual({ removedSelf: false }),
  },
];
