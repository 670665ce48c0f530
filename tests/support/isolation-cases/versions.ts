import { expect } from "vitest";
import { importIntoDraft } from "@/lib/import/into-draft";
import { compareVersions } from "@/lib/versions/compare";
import { listVersions, readHistory, readVersion } from "@/lib/versions/read";
import { changeStatus, createVersion, restoreVersion } from "@/lib/versions/service";
import { exportSynopsePdf } from "@/lib/versions/synopse-export";
import { ADMINS_ONLY, CONTENT_WRITERS_ONLY, EVERYONE_READS, type Case } from "./case";

export const VERSION_CASES: Case[] = [
  // lib/versions/*
  {
    module: "lib/versions/read",
    fn: listVersions,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listVersions(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject([{ number: 1 }]),
  },
  {
    module: "lib/versions/read",
    fn: readVersion,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readVersion(a, ids.conceptId, 1),
    expectOk: (r) => expect(r).toMatchObject({ meta: { number: 1 } }),
  },
  {
    module: "lib/versions/read",
    fn: readHistory,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readHistory(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject({ versions: [{ number: 1 }] }),
  },
  {
    module: "lib/versions/compare",
    fn: compareVersions,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => compareVersions(a, { conceptId: ids.conceptId, from: 1, to: "draft" }),
    expectOk: (r) => expect(r).toMatchObject({ comparison: { totals: expect.any(Object) } }),
  },
  {
    module: "lib/versions/synopse-export",
    fn: exportSynopsePdf,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportSynopsePdf(a, { conceptId: ids.conceptId, from: 1, to: "draft" }),
    expectOk: (r) => expect(r).toMatchObject({ pages: expect.any(Number) }),
  },
  {
    module: "lib/versions/service",
    fn: createVersion,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => createVersion(a, { conceptId: ids.conceptId, label: "Untergeschoben" }),
  },
  {
    module: "lib/versions/service",
    fn: restoreVersion,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => restoreVersion(a, { conceptId: ids.conceptId, number: 1 }),
  },
  {
    module: "lib/import/into-draft",
    fn: importIntoDraft,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) =>
      importIntoDraft(a, { conceptId: ids.conceptId, fileName: "fortschreibung.md", bytes: new TextEncoder().encode("# Sprache\n\n## Ausgangslage\n\nUntergeschoben.\n"), mapping: "auto", places: "all" }),
  },
  {
    module: "lib/versions/service",
    fn: changeStatus,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => changeStatus(a, { conceptId: ids.conceptId, status: "interdepartmental" }),
  },
];
