/**
 * Import of a document into an existing draft, part by part (the
 * Fortschreibung of a concept that was written in Word). Three steps, each a
 * call: the proposed mapping; with a mapping, the places the file fills beside
 * the draft's; with the chosen places, the write. The write is one change of
 * the concept, recorded like a restore: the draft as it was is kept as a
 * version first ("Stand vor Import …"), so restoring that version undoes it.
 */
import "server-only";
import { recordAudit } from "@/db/queries/audit";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { MAX_IMPORT_BYTES, parseConceptExport, readConceptSnapshot, type ValidConceptExport } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { templateFor } from "@/lib/template";
import { locked, snapshotInto, writeSnapshotData } from "@/lib/versions/write";
import { refuseUnwritable } from "@/lib/concepts/writable";
import { detectFormat } from "./detect";
import { mergeIntoDraft, mergeLimitError, placesOf, type Place } from "./draft-merge";
import { applyMapping, type ImportReport, type TargetValue } from "./mapping";
import { assertPartsFit } from "./part-size";
import { refuse } from "./refuse";
import { checkedMapping, proposalOf, readOutline, type MappingProposal } from "./service";

export type DraftImportInput = {
  conceptId: string;
  fileName: string;
  bytes: Uint8Array;
  /** null: only the proposal; "auto": the proposal as is; else block id → target */
  mapping: null | "auto" | Record<string, TargetValue>;
  /** null: only the places; "all": every place the file fills; else the chosen place ids */
  places: null | "all" | string[];
};

export type DraftImportResult =
  | { kind: "proposal"; proposal: MappingProposal }
  | { kind: "places"; proposal: MappingProposal; places: Place[]; report: ImportReport }
  | { kind: "imported"; conceptId: string; version: number; taken: Place[]; report: ImportReport };

/** The file's content (new input), or the draft (stored by the app: amounts up to the old cap stay readable). */
function parsed(data: unknown, what: "Die Datei" | "Der Entwurf"): ValidConceptExport {
  const result = parseConceptExport(data, { disallowedLinks: "drop", stored: what === "Der Entwurf" });
  if (!result.ok) throw refuse(`${what} kann so nicht übernommen werden: ${result.error}`);
  return result.value;
}

export async function importIntoDraft(actor: Actor, input: DraftImportInput): Promise<DraftImportResult> {
  const { concept } = await requireConcept(actor, input.conceptId, "version.restore");
  await requireConcept(actor, input.conceptId, "concept.import");
  if (input.bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError("too_large", `Die Datei ist zu groß (höchstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
  }
  const format = detectFormat(input.fileName, input.bytes);
  if (format === "backup") {
    throw refuse("Eine Konzeptwerk-Sicherung (JSON) wird als neues Konzept eingespielt. In einen bestehenden Entwurf lassen sich Word-, OpenDocument-, Markdown- und HTML-Dateien übernehmen.");
  }
  const outline = await readOutline(format, input.fileName, input.bytes);
  if (outline.blocks.length === 0 && !outline.title) throw refuse("Die Datei enthält keinen Text.");
  // The file is mapped onto the draft's own template (a draft of template 1 has no introduction to the fields of action).
  const template = templateFor(concept.templateVersion);
  const proposal = proposalOf(outline, format, input.fileName, template);
  if (input.mapping === null) return { kind: "proposal", proposal };

  const mapped = applyMapping(outline, proposal, checkedMapping(proposal, input.mapping), template);
  assertPartsFit(mapped.concept, template);
  const file = parsed(mapped.concept, "Die Datei");

  if (input.places === null) {
    const draft = parsed((await readConceptSnapshot(concept)).data, "Der Entwurf");
    return { kind: "places", proposal, places: placesOf(draft, file), report: mapped.report };
  }

  return locked(concept.id, async (tx, current) => {
    refuseUnwritable(current);
    const name = input.fileName.replace(/\s+/g, " ").trim().slice(0, 120) || "Datei";
    const { number, tree, snapshot } = await snapshotInto(tx, current, actor, { label: `Stand vor Import aus „${name}“`, kind: "before_import" });
    const draft = { data: parsed(snapshot.data, "Der Entwurf"), ids: snapshot.ids };
    const places = placesOf(draft.data, file);
    const wanted = input.places === "all" ? places.map((p) => p.id) : input.places!;
    const known = new Set(places.map((p) => p.id));
    const unknown = wanted.find((id) => !known.has(id));
    if (unknown !== undefined) throw refuse(`„${unknown.slice(0, 80)}“ ist kein Teil, den die Datei füllt.`);
    if (wanted.length === 0) throw refuse("Bitte wählen Sie mindestens einen Teil, der übernommen werden soll.");
    const merged = mergeIntoDraft(draft, file, wanted);
    const limit = mergeLimitError(merged.data);
    if (limit) throw refuse(limit);
    // Measures of fields the file leaves alone stay as they are (same object as the draft's).
    const drafted = new Map(draft.ids.measures.map((id, i) => [id, draft.data.measures[i]]));
    const unchanged = new Set(merged.ids.measures.filter((id, i) => drafted.get(id) === merged.data.measures[i]));
    await writeSnapshotData(tx, current, actor, tree, merged, unchanged);
    const taken = places.filter((p) => wanted.includes(p.id));
    await recordAudit(tx, {
      municipalityId: current.municipalityId,
      actorId: actor.id,
      action: "concept.import_into_draft",
      conceptId: current.id,
      objectId: String(number),
      details: { file: name, parts: taken.map((p) => p.label).join("; ") },
    });
    return { kind: "imported" as const, conceptId: current.id, version: number, taken, report: mapped.report };
  });
}
