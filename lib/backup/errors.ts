/** Why a backup or restore was refused; every refusal carries a German message for the operator. */
export type BackupRefusal =
  | "not-a-backup"
  | "corrupt"
  | "truncated"
  | "newer-format"
  | "newer-schema"
  | "unknown-schema"
  | "target-not-empty"
  | "target-newer"
  | "no-database"
  | "no-file";

export class BackupError extends Error {
  constructor(
    readonly code: BackupRefusal,
    message: string,
  ) {
    super(message);
    this.name = "BackupError";
  }
}
