import { useTranslations } from "next-intl";
import type { MemberRow } from "@/db/queries/members";
import { formatDate } from "@/lib/format";
import { RemoveMemberForm } from "./remove-member-form";
import { RoleForm } from "./role-form";
import { ScrollBox } from "@/components/ui/scroll-box";

export function MemberTable({
  members,
  municipalityId,
  municipalityName,
  actorId,
}: {
  members: MemberRow[];
  municipalityId: string;
  municipalityName: string;
  actorId: string;
}) {
  const t = useTranslations("members");
  return (
    <ScrollBox label={t("tableCaption", { municipality: municipalityName })}>
    <table className="table">
      <caption className="visually-hidden">{t("tableCaption", { municipality: municipalityName })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("name")}</th>
          <th scope="col">{t("emailShort")}</th>
          <th scope="col">{t("role")}</th>
          <th scope="col">{t("memberSince")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.userId}>
            <th scope="row">
              <bdi>{m.name}</bdi>
              {m.userId === actorId ? <span className="meta"> {t("you")}</span> : null}
            </th>
            <td>
              <bdi>{m.email}</bdi>
            </td>
            <td>
              <RoleForm municipalityId={municipalityId} userId={m.userId} name={m.name} role={m.role} />
            </td>
            <td>{formatDate(m.since)}</td>
            <td>
              <RemoveMemberForm
                municipalityId={municipalityId}
                municipalityName={municipalityName}
                userId={m.userId}
                name={m.name}
                isSelf={m.userId === actorId}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollBox>
  );
}
