/**
 * `npm run backup -- FILE`: a consistent backup of the whole installation (database
 * and session secret) into FILE, with the same settings as `npm start`.
 * Runs beside the app (one snapshot, no locks against saves) or without it.
 */
import path from "node:path";
import { BackupError } from "@/lib/backup/errors";
import { createBackup } from "@/lib/backup/run";
import { formatBytes, formatCount, formatSeconds } from "@/lib/backup/words";

async function main() {
  const arg = process.argv[2];
  if (!arg || process.argv.length > 3) {
    console.error("Aufruf: npm run backup -- DATEI   (z. B. npm run backup -- sicherung-$(date +%F).tar.gz)");
    process.exit(2);
  }
  // npm runs scripts in the project folder; a relative name means the folder npm was called from.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  console.error("Sicherung wird geschrieben …");
  const result = await createBackup({ file, progress: (m) => console.error(m) });
  if (!result.secret) {
    console.error(
      process.env.AUTH_SECRET
        ? "Hinweis: AUTH_SECRET kommt aus der Umgebung und ist nicht in der Sicherung; bewahren Sie ihn gesondert auf."
        : "Hinweis: Es gibt keine Datei auth-secret im Datenverzeichnis; die Sicherung enthält kein Sitzungsgeheimnis.",
    );
  }
  console.log(
    `Sicherung geschrieben: ${result.file} (${result.tables} Tabellen, ${formatCount(result.rows)} Zeilen, ${formatBytes(result.bytes)}) in ${formatSeconds(result.ms)}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BackupError ? error.message : `Die Sicherung ist fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
