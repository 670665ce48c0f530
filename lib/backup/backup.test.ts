/** The pure parts of backups: load order, schema version check, German numbers. */
import { describe, expect, it } from "vitest";
import { MIGRATION_LOCK as APP_MIGRATION_LOCK } from "@/db";
import { RATE_LIMIT_TABLE } from "@/lib/auth/rate-limit";
import { EPHEMERAL_TABLES, parentsFirst } from "./catalog";
import { BackupError } from "./errors";
import { codeMigrations, knownSchema, MIGRATION_LOCK } from "./schema-version";
import { formatBytes, formatSeconds, rowsLabel } from "./words";

const table = (oid: number, name: string) => ({ oid, schema: "public", name });

describe("parentsFirst", () => {
  it("puts every table after the tables its foreign keys point to", () => {
    const tables = [table(3, "comments"), table(2, "concepts"), table(1, "municipalities"), table(4, "threads")];
    const edges = [
      { child: 2, parent: 1 },
      { child: 4, parent: 2 },
      { child: 3, parent: 4 },
      { child: 3, parent: 1 },
      { child: 9, parent: 1 }, // a table outside the set
    ];
    expect(parentsFirst(tables, edges).map((t) => t.name)).toEqual(["municipalities", "concepts", "threads", "comments"]);
  });

  it("names the tables of a cycle instead of looping", () => {
    const tables = [table(1, "a"), table(2, "b"), table(3, "c")];
    expect(() => parentsFirst(tables, [{ child: 2, parent: 3 }, { child: 3, parent: 2 }])).toThrow(/Kreis.*b, c/);
  });
});

describe("knownSchema", () => {
  const code = codeMigrations();
  const applied = code.map((m) => ({ hash: m.hash, createdAt: m.createdAt }));

  it("accepts this code's migrations and any prefix of them", () => {
    expect(knownSchema(applied, code)).toBe(code.length);
    expect(knownSchema(applied.slice(0, 3), code)).toBe(3);
  });

  it("refuses a backup from newer code", () => {
    const newer = [...applied, { hash: "f".repeat(64), createdAt: applied[applied.length - 1]!.createdAt + 1 }];
    expect(() => knownSchema(newer, code)).toThrow(BackupError);
    expect(() => knownSchema(newer, code)).toThrow(/neueren Konzeptwerk-Version \(Schemastand \d+, diese Version kennt \d+\)/);
  });

  it("refuses a migration this code never had", () => {
    const other = [applied[0]!, { hash: "0".repeat(64), createdAt: applied[1]!.createdAt - 1 }, ...applied.slice(2)];
    expect(() => knownSchema(other, code)).toThrow(/Migration 2 ist unbekannt/);
  });
});

describe("constants shared with the app (kept apart so the commands load quickly)", () => {
  it("skips the rate-limit table the app uses and migrates under the app's lock", () => {
    expect(EPHEMERAL_TABLES).toEqual([RATE_LIMIT_TABLE]);
    expect(MIGRATION_LOCK).toBe(APP_MIGRATION_LOCK);
  });
});

describe("German numbers", () => {
  it("writes rows, sizes and seconds the German way", () => {
    expect(rowsLabel(1)).toBe("1 Zeile");
    expect(rowsLabel(3456)).toBe("3.456 Zeilen");
    expect(formatBytes(1_234_567)).toBe("1,2 MB");
    expect(formatBytes(47_096)).toBe("47 kB");
    expect(formatBytes(512)).toBe("512 Bytes");
    expect(formatSeconds(812)).toBe("0,8 s");
  });
});
