import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 10;

/** Argon2id with the library's defaults (19 MiB, 2 passes): slow enough against guessing. */
export function hashPassword(password: string) {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string) {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (password.length > 200) return "Das Passwort darf höchstens 200 Zeichen lang sein.";
  return null;
}
