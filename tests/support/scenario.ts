/**
 * A municipality with something in it: a concept with a written section, an own
 * field of action, sub-goals and measures, an open invitation and a live session
 * for every member. Used where a test needs "the data of a municipality".
 */
import { createVersion } from "@/lib/versions/service";
import { getConceptTree } from "@/db/queries/concepts";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, type ConceptExport } from "@/lib/concepts/exchange";
import { addCustomField } from "@/lib/concepts/fields";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { addSubGoal, createMeasure } from "@/lib/measures/service";
import { recordKeyFigure } from "@/lib/key-figures/service";
import { recordIndicatorValue, setMeasureYearStatus } from "@/lib/monitoring/service";
import { getMemberOverview, inviteMember } from "@/lib/members/service";
import { createThread } from "@/lib/review/comments";
import { startRound } from "@/lib/review/rounds";
import { signIn } from "./data";
import { makeMunicipality } from "./fixtures";

export type Town = Awaited<ReturnType<typeof makeMunicipality>>;

/** The ids of one municipality's objects, as a caller would pass them. */
export type Ids = {
  municipalityId: string;
  conceptId: string;
  fieldId: string;
  customFieldId: string;
  sectionId: string;
  sectionRevision: number;
  measureId: string;
  measureRevision: number;
  /** the first measure's indicator, with one Ist-Wert and a status for 2025 */
  indicatorId: string;
  indicatorValueId: string;
  /** a key figure value of 2024 */
  keyFigureId: string;
  secondMeasureId: string;
  subGoalId: string;
  secondSubGoalId: string;
  invitationToken: string;
  invitationId: string;
  /** a member who is not the admin (the editor) */
  memberUserId: string;
  /** a valid backup, for imports */
  backup: ConceptExport;
  /** a comment thread on the mandate text, started by the admin (so the admin is the comment's author) */
  threadId: string;
  commentId: string;
  /** an open review round of version 1 with the admin and the reviewer as reviewers */
  roundId: string;
};

export async function populatedTown(name = "Teststadt"): Promise<{ town: Town; ids: Ids }> {
  const town = await makeMunicipality(name);
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: `Integrationskonzept ${name}` });
  const tree = await getConceptTree({ conceptId: concept.id });
  const language = tree.fields.find((f) => f.key === "language")!;
  const mandate = tree.sections.find((s) => s.chapter === "mandate" && s.fieldId === null)!;
  const saved = await saveSectionText(town.editor, {
    conceptId: concept.id,
    sectionId: mandate.id,
    baseRevision: 0,
    content: doc(p(`Der Rat von ${name} hat das Konzept beauftragt.`)),
  });
  if (saved.status !== "saved") throw new Error("setup: section not saved");
  const custom = await addCustomField(town.editor, { conceptId: concept.id, title: "Sport und Kultur" });
  const g1 = await addSubGoal(town.editor, { conceptId: concept.id, fieldId: language.id, text: "Mehr Kursplätze für Eltern" });
  const g2 = await addSubGoal(town.editor, { conceptId: concept.id, fieldId: language.id, text: "Kürzere Wartezeiten" });
  const m1 = await createMeasure(town.editor, {
    conceptId: concept.id,
    fieldId: language.id,
    title: "Sprachcafé im Stadtteilzentrum",
    taskType: "voluntary",
    subGoalIds: [g1.subGoal.id],
    leadOffice: "Integrationsbüro",
    materialCostCents: 1_200_000,
    indicators: [{ name: "Teilnehmende", kind: "output", unit: "Personen", baseline: "40", target: "80", dataSource: "Anwesenheitslisten", cadence: "jährlich" }],
  });
  const indicatorId = m1.measure.indicators[0]!.id;
  const value = await recordIndicatorValue(town.editor, { conceptId: concept.id, measureId: m1.measure.id, indicatorId, observedOn: "2025-12-31", value: "52", source: "Anwesenheitslisten" });
  const keyFigure = await recordKeyFigure(town.editor, { conceptId: concept.id, name: "Einwohner mit ausländischer Staatsangehörigkeit", value: "1.250", year: 2024, source: "Melderegister" });
  await setMeasureYearStatus(town.editor, { conceptId: concept.id, measureId: m1.measure.id, year: 2025, status: "partial", note: "Start im Herbst" });
  const m2 = await createMeasure(town.editor, {
    conceptId: concept.id,
    fieldId: language.id,
    title: "Elternkurse an Grundschulen",
    taskType: "mandatory",
    subGoalIds: [g1.subGoal.id, g2.subGoal.id],
  });
  const version = await createVersion(town.editor, { conceptId: concept.id, label: "Entwurf" });
  if (version.number !== 1) throw new Error("setup: version not created");
  const path = await inviteMember(town.admin, { municipalityId: town.municipality.id, email: `neu-${town.municipality.ags}@test.example`, role: "editor" });
  const overview = await getMemberOverview(town.admin, { municipalityId: town.municipality.id });
  const thread = await createThread(town.admin, {
    conceptId: concept.id,
    target: { kind: "text", sectionId: mandate.id, quote: "das Konzept beauftragt" },
    body: "Bitte das Datum des Ratsbeschlusses ergänzen.",
  });
  const round = await startRound(town.admin, {
    conceptId: concept.id,
    versionNumber: 1,
    title: "Ressortabstimmung",
    dueDate: "2030-01-31",
    reviewerIds: [town.admin.id, town.reviewer.id],
  });
  for (const role of ["admin", "editor", "reviewer", "viewer"] as const) await signIn(town[role]);
  return {
    town,
    ids: {
      municipalityId: town.municipality.id,
      conceptId: concept.id,
      fieldId: language.id,
      customFieldId: custom.id,
      sectionId: mandate.id,
      sectionRevision: saved.revision,
      measureId: m1.measure.id,
      measureRevision: m1.measure.revision,
      indicatorId,
      indicatorValueId: value.valueId,
      keyFigureId: keyFigure.keyFigureId,
      secondMeasureId: m2.measure.id,
      subGoalId: g1.subGoal.id,
      secondSubGoalId: g2.subGoal.id,
      invitationToken: path.split("/").pop()!,
      invitationId: overview.invitations[0]!.id,
      memberUserId: town.editor.id,
      backup: await exportConcept(town.viewer, concept.id),
      threadId: thread.threadId,
      commentId: thread.commentId,
      roundId: round.roundId,
    },
  };
}
