/** Readiness without a database: 503, naming the check, never the driver's message (it may hold the connection URL). */
import { describe, expect, it, vi } from "vitest";

vi.mock("@/db", () => ({
  getDb: async () => {
    throw new Error("connect ECONNREFUSED postgres://konzeptwerk:Geheim123@db.intern:5432/konzeptwerk");
  },
}));

import { GET } from "@/app/api/health/ready/route";

describe("readiness without a database", () => {
  it("503 with the database check failed and the migrations not checked", async () => {
    const res = await GET();
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      status: "unavailable",
      checks: { database: { ok: false, detail: "Datenbank nicht erreichbar" }, migrations: { ok: false, detail: "nicht geprüft" } },
    });
    expect(text).not.toContain("Geheim123");
  });
});
