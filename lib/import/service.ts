/**
 * Import of a file into a new concept (always a draft): the JSON backup as
 * before, or a .docx, .odt, .md or .html through the mapping step. Without a
 * mapping the proposal comes back and nothing is written; with one (or
 * "auto": the proposal as it is) the concept is built in the backup format and
 * written by importConcept, with every check of a backup.
 */
import "server-only";
import { isUuid } from "@/db/queries/concepts";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { importConcept, MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { CURRENT_TEMPLATE, type Template } from "@/lib/template";
import { detectFormat, type ImportFormat } from "./detect";
import { applyMapping, proposeMapping, targetOptions, type ImportReport, type Proposal, type TargetValue } from "./mapping";
import type { Outline } from "./outline";
import { assertPartsFit } from "./part-size";
import { refuse } from "./refuse";
import { inOfficeReadQueue } from "./read-queue";
import { decodeText } from "./decode-text";
import { readInWorker } from "./read-thread";
import { countWords } from "./words";

export type ImportInput = {
  municipalityId: string;
  fileName: string;
  bytes: Uint8Array;
  /** null: only the proposal; "auto": the proposal as is; else block id → target */
  mapping: null | "auto" | Record<string, TargetValue>;
};

export type MappingProposal = Proposal & {
  format: Exclude<ImportFormat, "backup">;
  wordsIn: number;
  options: ReturnType<typeof targetOptions>;
  skipped: Outline["skipped"];
  trackedChanges: number;
};

/** Milliseconds of each step, for the route's Server-Timing (the benchmark's split): reading the file, the proposal, applying the mapping, writing the concept. */
export type ImportTiming = Partial<Record<"read" | "map" | "apply" | "write", number>>;

export type ImportResult =
  | { kind: "created"; id: string; report: ImportReport | null; timing: ImportTiming }
  | { kind: "proposal"; proposal: MappingProposal; timing: ImportTiming };

/**
 * The outline of a document file (not a backup), read in a worker thread (read-thread.ts), one file at a time: a large
 * file takes seconds of parsing, which in this process would hold every other request for as long.
 */
export async function readOutline(format: Exclude<ImportFormat, "backup">, fileName: string, bytes: Uint8Array): Promise<Outline> {
  return inOfficeReadQueue(() => readInWorker(format, fileName, bytes));
}

/** The proposed mapping onto `template` (a new concept: the current one; a draft: the draft's). */
export function proposalOf(outline: Outline, format: MappingProposal["format"], fileName: string, template: Template = CURRENT_TEMPLATE): MappingProposal {
  const proposal = proposeMapping(outline, fileName, template);
  return {
    ...proposal,
    format,
    wordsIn: countWords(outline.sourceText),
    options: targetOptions(proposal, template),
    skipped: outline.skipped,
    trackedChanges: outline.trackedChanges,
  };
}

/** The chosen mapping ("auto": the proposal as it is), every block and place checked against the proposal. */
export function checkedMapping(proposal: MappingProposal, mapping: "auto" | Record<string, TargetValue>): Record<string, TargetValue> {
  const chosen = mapping === "auto" ? {} : mapping;
  const ids = new Set(proposal.blocks.map((b) => b.id));
  const values = new Set(proposal.options.map((o) => o.value));
  for (const [id, value] of Object.entries(chosen)) {
    if (!ids.has(id)) throw refuse(`Die Zuordnung nennt einen Abschnitt „${id.slice(0, 40)}“, den die Datei nicht hat.`);
    if (!values.has(value)) throw refuse(`„${value.slice(0, 80)}“ ist kein Ort in der Vorlage.`);
  }
  return chosen;
}

export async function importFile(actor: Actor, input: ImportInput): Promise<ImportResult> {
  if (!isUuid(input.municipalityId)) throw new AppError("not_found");
  await requireRole(actor, input.municipalityId, "concept.import");
  if (input.bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError("too_large", `Die Datei ist zu groß (höchstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
  }
  const format = detectFormat(input.fileName, input.bytes);
  if (format === "backup") {
    let data: unknown;
    try {
      data = JSON.parse(decodeText(input.bytes));
    } catch {
      const name = input.fileName.slice(0, 100);
      throw refuse(`Die Datei${name ? ` „${name}“` : ""} enthält kein gültiges JSON. Bitte wählen Sie die Sicherung, die Konzeptwerk beim Export als JSON-Datei erstellt hat.`);
    }
    const started = performance.now();
    const id = await importConcept(actor, { municipalityId: input.municipalityId, data });
    return { kind: "created", id, report: null, timing: { write: performance.now() - started } };
  }
  const timing: ImportTiming = {};
  let lap = performance.now();
  const took = (step: keyof ImportTiming) => {
    const now = performance.now();
    timing[step] = now - lap;
    lap = now;
  };
  const outline = await readOutline(format, input.fileName, input.bytes);
  took("read");
  if (outline.blocks.length === 0 && !outline.title) throw refuse("Die Datei enthält keinen Text.");
  const proposal = proposalOf(outline, format, input.fileName);
  took("map");
  if (input.mapping === null) return { kind: "proposal", proposal, timing };
  const chosen = checkedMapping(proposal, input.mapping);
  lap = performance.now();
  const { concept, report } = applyMapping(outline, proposal, chosen);
  assertPartsFit(concept);
  took("apply");
  const id = await importConcept(actor, { municipalityId: input.municipalityId, data: concept }, { file: input.fileName });
  took("write");
  return { kind: "created", id, report, timing };
}
