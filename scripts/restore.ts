/**
 * `npm run restore -- FILE`: bring a backup back into an empty data directory or
 * an empty database (same settings as `npm start`). Refuses, changing nothing,
 * when the target holds data or the file is not a whole Konzeptwerk backup of a
 * schema this version knows.
 */
import path from "node:path";
import { BackupError } from "@/lib/backup/errors";
import { restoreBackup } from "@/lib/backup/run";
import { formatCount, formatSeconds } from "@/lib/backup/words";

async function main() {
  const arg = process.argv[2];
  if (!arg || process.argv.length > 3) {
    console.error("Aufruf: npm run restore -- DATEI");
    process.exit(2);
  }
  // npm runs scripts in the project folder; a relative name means the folder npm was called from.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  const result = await restoreBackup({ file, progress: (m) => console.error(m) });
  console.log(
    `Wiederhergestellt: ${file} (${result.tables} Tabellen, ${formatCount(result.rows)} Zeilen${result.secret ? ", Sitzungsgeheimnis" : ""}) in ${formatSeconds(result.ms)}`,
  );
  console.log("Starten Sie Konzeptwerk jetzt (neu): npm start");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      error instanceof BackupError
        ? `Wiederherstellung abgelehnt: ${error.message}`
        : `Die Wiederherstellung ist fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
