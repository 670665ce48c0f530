/** LibreOffice headless for tests: convert a file the way a user's office suite writes it. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const SOFFICE = process.env.SOFFICE ?? "/usr/bin/soffice";

/** `soffice --headless --convert-to <filter>` of `file` with its own profile and HOME; the converted file's bytes. */
export function convertWithOffice(file: string, filter: string, extension = filter.split(":")[0]!): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "kw-office-"));
  try {
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", filter, "--outdir", dir, file], {
      env: { ...process.env, HOME: dir },
      timeout: 120_000,
      stdio: "pipe",
    });
    return readFileSync(path.join(dir, `${path.basename(file).replace(/\.[^.]+$/, "")}.${extension}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
