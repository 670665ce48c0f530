import { expect } from "vitest";
import { markPartDone, unmarkPartDone } from "@/lib/concepts/part-marks";
import { assignPlace, readMyAssignments, unassignPlace } from "@/lib/concepts/assignments";
import { CONTENT_WRITERS_ONLY, EVERYONE_READS, type Case } from "./case";

export const PROGRESS_CASES: Case[] = [
  // lib/concepts/part-marks: "fertig" marks
  {
    module: "lib/concepts/part-marks",
    fn: markPartDone,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => markPartDone(a, { conceptId: ids.conceptId, chapter: "fields", part: "goal", fieldId: ids.fieldId }),
  },
  {
    module: "lib/concepts/part-marks",
    fn: unmarkPartDone,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // taking a mark back needs a mark: the call marks first (refused just the same for strangers and readers)
    run: async (a, ids) => {
      await markPartDone(a, { conceptId: ids.conceptId, chapter: "fields", part: "measures", fieldId: ids.fieldId });
      await unmarkPartDone(a, { conceptId: ids.conceptId, chapter: "fields", part: "measures", fieldId: ids.fieldId });
    },
  },
  // lib/concepts/assignments: who is responsible for a chapter or field of action
  {
    module: "lib/concepts/assignments",
    fn: assignPlace,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => assignPlace(a, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.fieldId, assigneeId: ids.memberUserId, dueDate: "2030-12-31" }),
  },
  {
    module: "lib/concepts/assignments",
    fn: unassignPlace,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // removing needs an assignment: the call assigns first (refused just the same for strangers and readers)
    run: async (a, ids) => {
      await assignPlace(a, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.customFieldId, assigneeId: a.id, dueDate: "2030-12-31" });
      await unassignPlace(a, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.customFieldId });
    },
  },
  {
    module: "lib/concepts/assignments",
    fn: readMyAssignments,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => readMyAssignments(a, { municipalityId: ids.municipalityId }),
    expectOk: (r) => expect(r).toEqual(expect.any(Array)),
  },
];
