import { isUuid } from "@/db/queries/concepts";
import { getLogo } from "@/db/queries/logos";
import { requireRole } from "@/lib/authz/require-role";
import { AppError } from "@/lib/errors";
import { authedRoute } from "@/lib/http/route";

/** GET /api/municipalities/:municipalityId/logo — the cover logo, for members of the municipality. */
export const GET = authedRoute<{ municipalityId: string }>(async (_req, actor, { municipalityId }) => {
  if (!isUuid(municipalityId)) throw new AppError("not_found");
  await requireRole(actor, municipalityId, "concept.read");
  const logo = await getLogo({ municipalityId });
  if (!logo) throw new AppError("not_found", "Es ist kein Logo hinterlegt.");
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.mediaType,
      // An SVG opened on its own must not run anything (it was checked on upload; this is the second lock).
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, no-cache",
      "Content-Disposition": "inline",
    },
  });
});
