import "server-only";
import type { Executor } from "@/db";
import { insertKeyFigures, listKeyFigures } from "@/db/queries/key-figures";
import { calendarDate, z } from "@/lib/validation";
import { MAX_KEY_FIGURE_ROWS, MAX_NAME, MAX_SOURCE, MAX_UNIT, MIN_YEAR } from "./schema";

/*
 * The key figures in a concept's backup (lib/concepts/exchange.ts calls these,
 * so that file only names them). Optional in the format: older backups have
 * none, and a backup of a concept without key figures leaves the key out, so
 * it stays byte-for-byte what it was before key figures existed.
 * Versions do not carry them: like Ist-Werte, key figures are monitoring that
 * runs beside the text, and every version shows the figures as they are now.
 */

const keyFigureSchema = z.strictObject({
  name: z.string().trim().min(1, "Kennzahl: bitte einen Namen angeben.").max(MAX_NAME, `Höchstens ${MAX_NAME} Zeichen.`),
  unit: z.string().max(MAX_UNIT, `Höchstens ${MAX_UNIT} Zeichen.`),
  year: z.number().int().min(MIN_YEAR).max(2100),
  referenceDate: calendarDate("Stichtag").nullable(),
  value: z.number().finite().refine((n) => Math.abs(n) < 1e17, "Die Zahl ist zu groß."),
  source: z.string().max(MAX_SOURCE, `Höchstens ${MAX_SOURCE} Zeichen.`),
});

/** The `keyFigures` key of the backup format: one entry per figure and year, no figure twice in a year. */
export const keyFiguresBackupSchema = z
  .array(keyFigureSchema)
  .max(MAX_KEY_FIGURE_ROWS, `Höchstens ${MAX_KEY_FIGURE_ROWS} Einträge.`)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      const key = `${r.name}\u0000${r.year}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "year"], message: `Die Kennzahl „${r.name.slice(0, 80)}“ hat für ${r.year} zwei Werte.` });
      seen.add(key);
    }
  })
  .optional();

export type BackupKeyFigure = z.infer<typeof keyFigureSchema>;

/** The key figures of a concept for its backup, by name and year; undefined when it has none. */
export async function backupKeyFigures(conceptId: string): Promise<{ keyFigures?: BackupKeyFigure[] }> {
  const rows = await listKeyFigures({ conceptId });
  if (rows.length === 0) return {};
  return {
    keyFigures: rows.map((r) => ({ name: r.name, unit: r.unit, year: r.year, referenceDate: r.referenceDate, value: Number(r.value), source: r.source })),
  };
}

/** Store a checked backup's key figures for the new concept (inside the import's transaction). */
export async function importKeyFigures(
  tx: Executor,
  rows: readonly BackupKeyFigure[] | undefined,
  target: { conceptId: string; municipalityId: string; userId: string },
): Promise<void> {
  if (!rows?.length) return;
  await insertKeyFigures(
    rows.map((r) => ({ conceptId: target.conceptId, municipalityId: target.municipalityId, createdBy: target.userId, name: r.name, unit: r.unit, year: r.year, referenceDate: r.referenceDate, value: String(r.value), source: r.source })),
    tx,
  );
}
