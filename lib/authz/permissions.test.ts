import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Action } from "./permissions";

// The role × action table of DESIGN.md, written out independently of PERMISSIONS.
const EXPECTED: Record<Action, Record<(typeof ROLES)[number], boolean>> = {
  "concept.read": { admin: true, editor: true, reviewer: true, viewer: true },
  "concept.export": { admin: true, editor: true, reviewer: true, viewer: true },
  "concept.create": { admin: true, editor: true, reviewer: false, viewer: false },
  "concept.import": { admin: true, editor: true, reviewer: false, viewer: false },
  "concept.editContent": { admin: true, editor: true, reviewer: false, viewer: false },
  "concept.editSettings": { admin: true, editor: true, reviewer: false, viewer: false },
  "concept.delete": { admin: true, editor: false, reviewer: false, viewer: false },
  "concept.changeStatus": { admin: true, editor: false, reviewer: false, viewer: false },
  "concept.assign": { admin: true, editor: false, reviewer: false, viewer: false },
  "version.create": { admin: true, editor: true, reviewer: false, viewer: false },
  "monitoring.record": { admin: true, editor: true, reviewer: false, viewer: false },
  "version.restore": { admin: true, editor: true, reviewer: false, viewer: false },
  "comment.create": { admin: true, editor: true, reviewer: true, viewer: false },
  "suggestion.propose": { admin: true, editor: true, reviewer: true, viewer: false },
  "suggestion.decide": { admin: true, editor: true, reviewer: false, viewer: false },
  "comment.moderate": { admin: true, editor: false, reviewer: false, viewer: false },
  "review.manage": { admin: true, editor: false, reviewer: false, viewer: false },
  "review.answer": { admin: true, editor: true, reviewer: true, viewer: false },
  "audit.read": { admin: true, editor: false, reviewer: false, viewer: false },
  "members.read": { admin: true, editor: false, reviewer: false, viewer: false },
  "members.manage": { admin: true, editor: false, reviewer: false, viewer: false },
  "municipality.manageLogo": { admin: true, editor: false, reviewer: false, viewer: false },
  "municipality.manageSettings": { admin: true, editor: false, reviewer: false, viewer: false },
  "peers.read": { admin: true, editor: true, reviewer: true, viewer: true },
  "peers.manage": { admin: true, editor: false, reviewer: false, viewer: false },
};

describe("permissions", () => {
  it("covers every action of the table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [action, row] of Object.entries(EXPECTED) as [Action, Record<string, boolean>][]) {
    for (const role of ROLES) {
      it(`${role} ${row[role] ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(row[role]);
      });
    }
  }

  it("never lets a reviewer or viewer change content", () => {
    // A reviewer comments, answers review rounds and proposes changes (no content: the server checks that a
    // reviewer's proposal changes nothing but proposals, lib/suggestions/guard.ts); everything else is a write.
    const reviewing = ["comment.create", "review.answer", "suggestion.propose"];
    const writes = (Object.keys(PERMISSIONS) as Action[]).filter((a) => !["concept.read", "concept.export", "peers.read", ...reviewing].includes(a));
    for (const action of writes) {
      expect(can("reviewer", action)).toBe(false);
      expect(can("viewer", action)).toBe(false);
    }
    for (const action of reviewing) expect(can("viewer", action as Action)).toBe(false);
  });

  it("denies a missing role", () => {
    expect(can(null, "concept.read")).toBe(false);
    expect(can(undefined, "concept.read")).toBe(false);
  });
});
