import type { OpenInvitationRow } from "@/db/queries/members";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDate, formatDateTime } from "@/lib/format";
import { RevokeInvitationForm } from "./revoke-invitation-form";

export function InvitationList({ invitations, municipalityId }: { invitations: OpenInvitationRow[]; municipalityId: string }) {
  if (invitations.length === 0) return <p>Keine offenen Einladungen.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Offene Einladungen</caption>
      <thead>
        <tr>
          <th scope="col">E-Mail</th>
          <th scope="col">Rolle</th>
          <th scope="col">Eingeladen</th>
          <th scope="col">Gültig bis</th>
          <th scope="col">
            <span className="visually-hidden">Aktionen</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id}>
            <th scope="row">{i.email}</th>
            <td>{ROLE_LABELS[i.role]}</td>
            <td>
              {formatDate(i.createdAt)}
              {i.invitedByName ? ` von ${i.invitedByName}` : ""}
            </td>
            <td>{formatDateTime(i.expiresAt)}</td>
            <td>
              <RevokeInvitationForm municipalityId={municipalityId} invitationId={i.id} email={i.email} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
