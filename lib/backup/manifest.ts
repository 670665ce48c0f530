/**
 * The manifest: the first entry of a backup archive, describing everything else
 * in it. Restore trusts nothing in the archive that the manifest does not name
 * with its size and SHA-256.
 */
import { z } from "zod";

export const BACKUP_FORMAT = "konzeptwerk-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_NAME = "konzeptwerk-backup.json";
export const AUTH_SECRET_ENTRY = "files/auth-secret";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const entryName = z.string().regex(/^(tables\/[0-9]{3}\.copy|files\/auth-secret)$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  app: z.object({ version: z.string() }),
  database: z.object({ kind: z.enum(["embedded", "postgres"]), serverVersion: z.string() }),
  /** drizzle's migrations table as of the snapshot: the schema version is its last entry */
  schema: z.object({
    migrations: z.array(z.object({ hash: z.string(), createdAt: z.number() })).min(1),
    lastTag: z.string().nullable(),
  }),
  tables: z.array(
    z.object({
      schema: z.string(),
      name: z.string(),
      columns: z.array(z.string()).min(1),
      file: entryName,
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256,
    }),
  ),
  sequences: z.array(z.object({ schema: z.string(), name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  files: z.array(z.object({ name: z.literal("auth-secret"), file: entryName, bytes: z.number().int().nonnegative(), sha256 })),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type TableEntry = Manifest["tables"][number];
