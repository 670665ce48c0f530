import { useTranslations } from "next-intl";
import type { OpenInvitationRow } from "@/db/queries/members";
import { formatDate, formatDateTime } from "@/lib/format";
import { useLabels } from "@/lib/i18n/hooks";
import { RevokeInvitationForm } from "./revoke-invitation-form";
import { ScrollBox } from "@/components/ui/scroll-box";

export function InvitationList({ invitations, municipalityId }: { invitations: OpenInvitationRow[]; municipalityId: string }) {
  const t = useTranslations("members");
  const labels = useLabels();
  if (invitations.length === 0) return <p>{t("noInvitations")}</p>;
  return (
    <ScrollBox label={t("openInvitations")}>
    <table className="table">
      <caption className="visually-hidden">{t("openInvitations")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("emailShort")}</th>
          <th scope="col">{t("role")}</th>
          <th scope="col">{t("invited")}</th>
          <th scope="col">{t("validUntil")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id}>
            <th scope="row">
              <bdi>{i.email}</bdi>
            </th>
            <td>{labels.roles[i.role]}</td>
            <td>
              {formatDate(i.createdAt)}
              {i.invitedByName ? ` ${t("invitedBy", { name: i.invitedByName })}` : ""}
            </td>
            <td>{formatDateTime(i.expiresAt)}</td>
            <td>
              <RevokeInvitationForm municipalityId={municipalityId} invitationId={i.id} email={i.email} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}
