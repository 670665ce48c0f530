import "server-only";
import { writeAudited } from "@/db/queries/audit";
import { listFailingMails, retryMail } from "@/db/queries/mail";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { AppError } from "@/lib/errors";
import { FAILED_MAIL_KEEP_DAYS, kickMailQueue } from "./queue";

/** Mails of the municipality that are being retried or were given up, for its admins. */
export async function getMailProblems(actor: Actor, { municipalityId }: { municipalityId: string }) {
  await requireRole(actor, municipalityId, "members.read");
  return listFailingMails({ municipalityId });
}

export async function retryFailedMail(actor: Actor, { municipalityId, mailId }: { municipalityId: string; mailId: string }) {
  await requireRole(actor, municipalityId, "members.manage");
  const retried = await writeAudited(
    (tx) => retryMail({ municipalityId, id: mailId }, tx),
    (found) => (found ? { municipalityId, actorId: actor.id, action: "mail.retry", objectId: mailId } : null),
  );
  if (!retried)
    throw new AppError(
      "not_found",
      `Diese E-Mail kann nicht erneut gesendet werden: Sie ist nicht (mehr) als gescheitert vermerkt, oder ihr Text wurde nach ${FAILED_MAIL_KEEP_DAYS} Tagen gelöscht. Laden Sie die Person bei Bedarf neu ein.`,
    );
  kickMailQueue();
}
