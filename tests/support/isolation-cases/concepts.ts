import { expect } from "vitest";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept } from "@/lib/concepts/exchange";
import { addCustomField, removeCustomField } from "@/lib/concepts/fields";
import { updateConceptSettings } from "@/lib/concepts/meta";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { CONTENT_WRITERS_ONLY, EVERYONE_READS, type Case } from "./case";

export const CONCEPT_CASES: Case[] = [
  // lib/concepts/*
  {
    module: "lib/concepts/create",
    fn: createConcept,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => createConcept(a, { municipalityId: ids.municipalityId, title: "Untergeschobenes Konzept" }),
  },
  {
    module: "lib/concepts/sections",
    fn: saveSectionText,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) =>
      saveSectionText(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: ids.sectionRevision, content: doc(p("Überschrieben")) }),
    expectOk: (r) => expect(r).toMatchObject({ status: "saved" }),
  },
  {
    module: "lib/concepts/fields",
    fn: addCustomField,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => addCustomField(a, { conceptId: ids.conceptId, title: "Fremdes Handlungsfeld" }),
  },
  {
    module: "lib/concepts/fields",
    fn: removeCustomField,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    run: (a, ids) => removeCustomField(a, { conceptId: ids.conceptId, fieldId: ids.customFieldId }),
  },
  {
    module: "lib/concepts/meta",
    fn: updateConceptSettings,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => updateConceptSettings(a, { conceptId: ids.conceptId, title: "Umbenannt", settings: { leadOffice: "Fremdes Amt" } }),
  },
  {
    module: "lib/concepts/exchange",
    fn: exportConcept,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportConcept(a, ids.conceptId),
    expectOk: (r) => expect(r).toMatchObject({ format: "konzeptwerk.concept" }),
  },
  {
    module: "lib/concepts/exchange",
    fn: importConcept,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    run: (a, ids) => importConcept(a, { municipalityId: ids.municipalityId, data: ids.backup }),
  },
];
