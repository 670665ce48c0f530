import { describe, expect, it } from "vitest";
import { auditQueryString, parseAuditQuery } from "./filter";

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("the audit log's filter from the address", () => {
  it("reads concept, person, kind, period and page as the form sends them", () => {
    const q = parseAuditQuery({ konzept: ID, person: ID.toUpperCase(), art: "members", von: "2026-11-01", bis: "2026-11-30", seite: "3" });
    expect(q).toEqual({ conceptId: ID, actorId: ID, kind: "members", from: "2026-11-01", to: "2026-11-30", page: 3, invalidDate: false });
    expect(auditQueryString(q)).toBe(`?konzept=${ID}&person=${ID}&art=members&von=2026-11-01&bis=2026-11-30&seite=3`);
  });

  it("leaves out what is empty or not valid, and says when a date was not one", () => {
    expect(parseAuditQuery({ konzept: "", person: "x", art: "toString", seite: "-1" })).toEqual({ page: 1, invalidDate: false });
    expect(parseAuditQuery({ von: "2026-02-30" })).toEqual({ page: 1, invalidDate: true });
    expect(auditQueryString({ page: 1 })).toBe("");
  });

  it("swaps a period given the wrong way round", () => {
    expect(parseAuditQuery({ von: "2026-12-31", bis: "2026-01-01" })).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
  });
});
