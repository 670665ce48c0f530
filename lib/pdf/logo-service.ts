import "server-only";
import { isUuid } from "@/db/queries/concepts";
import { writeAudited } from "@/db/queries/audit";
import { deleteLogo, saveLogo } from "@/db/queries/logos";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { AppError } from "@/lib/errors";
import { checkLogo, MAX_LOGO_BYTES } from "./logo";

/** Store the municipality's cover logo (admins only) after checking its content. */
export async function uploadLogo(actor: Actor, input: { municipalityId: string; file: Blob | null }) {
  if (!isUuid(input.municipalityId)) throw new AppError("not_found");
  await requireRole(actor, input.municipalityId, "municipality.manageLogo");
  if (!input.file || input.file.size === 0) throw new AppError("bad_request", "Bitte eine PNG- oder SVG-Datei auswählen.");
  if (input.file.size > MAX_LOGO_BYTES) throw new AppError("too_large", `Das Logo darf höchstens ${MAX_LOGO_BYTES / 1024} KB groß sein.`);
  const checked = checkLogo(Buffer.from(await input.file.arrayBuffer()));
  if (!checked.ok) throw new AppError("bad_request", checked.error);
  const { municipalityId } = input;
  await writeAudited(
    (tx) => saveLogo({ municipalityId, mediaType: checked.mediaType, bytes: checked.bytes, userId: actor.id }, tx),
    () => ({ municipalityId, actorId: actor.id, action: "logo.upload", details: { type: checked.mediaType } }),
  );
}

/** Remove the cover logo (admins only). */
export async function removeLogo(actor: Actor, input: { municipalityId: string }) {
  if (!isUuid(input.municipalityId)) throw new AppError("not_found");
  await requireRole(actor, input.municipalityId, "municipality.manageLogo");
  const { municipalityId } = input;
  await writeAudited(
    (tx) => deleteLogo({ municipalityId }, tx),
    (deleted) => (deleted ? { municipalityId, actorId: actor.id, action: "logo.remove" } : null),
  );
}
