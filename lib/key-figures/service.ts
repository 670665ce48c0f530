import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { deleteKeyFigure as deleteRow, listKeyFigures, upsertKeyFigure } from "@/db/queries/key-figures";
import { keyFigures, type KeyFigure } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { berlinToday } from "@/lib/check/context";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { readIndicatorNumber } from "@/lib/monitoring/number";
import { describeZodError, fieldErrors, type z } from "@/lib/validation";
import { keyFigureLines, type KeyFigureLine, type KeyFigureValue } from "./change";
import { deleteKeyFigureSchema, MAX_KEY_FIGURE_ROWS, recordKeyFigureSchema } from "./schema";

/*
 * The key figures of the Ausgangslage (context monitoring as a table). Editors
 * and admins of the concept's municipality record them like Ist-Werte: also
 * after adoption (that is when the next year's figures come in), not in an
 * archived concept; everyone who may read the concept reads them. A value is
 * one figure in one year; a second value for the same figure and year replaces
 * it, another year adds to its history, so a Fortschreibung shows the change.
 * A refused write changes nothing; every write is audited in its transaction.
 */

/** A stored row as the table reads it. */
export function keyFigureValue(row: KeyFigure): KeyFigureValue {
  return { id: row.id, name: row.name, unit: row.unit, year: row.year, referenceDate: row.referenceDate, value: Number(row.value), source: row.source };
}

/** Internal: the key figure lines of a concept its caller already loaded through requireConcept. */
export async function keyFigureLinesOfConcept(conceptId: string): Promise<KeyFigureLine[]> {
  return keyFigureLines((await listKeyFigures({ conceptId })).map(keyFigureValue));
}

/** The key figures of a concept, one line per figure with its history (everyone who may read the concept). */
export async function readKeyFigures(actor: Actor, input: { conceptId: string }): Promise<KeyFigureLine[]> {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.read");
  return keyFigureLinesOfConcept(concept.id);
}

/** Record a figure's value of a year. A name already used in another spelling (case, spaces) joins that figure. */
export async function recordKeyFigure(actor: Actor, input: z.input<typeof recordKeyFigureSchema>): Promise<{ keyFigureId: string }> {
  const data = parse(recordKeyFigureSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "monitoring.record");
  const value = readIndicatorNumber(data.value);
  if (value === null) throw fieldError("value", "Wert: bitte eine Zahl angeben (z. B. 1.250 oder 12,5).");
  if (Math.abs(value) >= 1e17) throw fieldError("value", "Wert: Die Zahl ist zu groß.");
  if (data.year > Number(berlinToday().slice(0, 4))) throw fieldError("year", `Jahr: ${data.year} hat noch nicht begonnen; erfasst werden festgestellte Werte.`);
  if (data.referenceDate !== null && Number(data.referenceDate.slice(0, 4)) !== data.year) {
    throw fieldError("referenceDate", `Stichtag: Der Tag muss im Jahr ${data.year} liegen.`);
  }
  if (data.referenceDate !== null && data.referenceDate > berlinToday()) {
    throw fieldError("referenceDate", "Stichtag: Der Tag liegt in der Zukunft; erfasst werden festgestellte Werte.");
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const existing = await listKeyFigures({ conceptId: concept.id }, tx);
    const key = (s: string) => s.replace(/\s+/g, " ").toLocaleLowerCase("de");
    const name = existing.find((r) => key(r.name) === key(data.name))?.name ?? data.name.replace(/\s+/g, " ");
    const [rows] = await tx.select({ n: count() }).from(keyFigures).where(eq(keyFigures.conceptId, concept.id));
    const replaces = existing.some((r) => r.name === name && r.year === data.year);
    if (!replaces && (rows?.n ?? 0) >= MAX_KEY_FIGURE_ROWS) {
      throw new AppError("bad_request", `Ein Konzept hat höchstens ${MAX_KEY_FIGURE_ROWS} Kennzahl-Werte. Bitte löschen Sie nicht mehr benötigte.`);
    }
    const row = await upsertKeyFigure(
      {
        conceptId: concept.id,
        municipalityId: concept.municipalityId,
        name,
        unit: data.unit,
        year: data.year,
        referenceDate: data.referenceDate,
        value: String(value),
        source: data.source,
        createdBy: actor.id,
      },
      tx,
    );
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: "key_figure.record",
      conceptId: concept.id,
      objectId: row.id,
      details: { name, year: data.year },
    });
    return { keyFigureId: row.id };
  });
}

/** Delete a figure's value of one year (editors and admins). */
export async function deleteKeyFigure(actor: Actor, input: z.input<typeof deleteKeyFigureSchema>): Promise<void> {
  const data = parse(deleteKeyFigureSchema, input);
  const { concept } = await requireConcept(actor, data.conceptId, "monitoring.record");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await deleteRow({ keyFigureId: data.keyFigureId, conceptId: concept.id }, tx);
    if (!row) throw new AppError("not_found", "Diesen Kennzahl-Wert gibt es nicht (mehr).");
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: "key_figure.delete",
      conceptId: concept.id,
      objectId: row.id,
      details: { name: row.name, year: row.year },
    });
  });
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", describeZodError(result.error), { fieldErrors: fieldErrors(result.error) });
  return result.data;
}

function fieldError(field: string, message: string) {
  return new AppError("bad_request", message, { fieldErrors: { [field]: message } });
}
