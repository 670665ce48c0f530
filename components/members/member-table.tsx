import type { MemberRow } from "@/db/queries/members";
import { formatDate } from "@/lib/format";
import { RemoveMemberForm } from "./remove-member-form";
import { RoleForm } from "./role-form";

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
  return (
    <table className="table">
      <caption className="visually-hidden">Mitglieder von {municipalityName}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">E-Mail</th>
          <th scope="col">Rolle</th>
          <th scope="col">Mitglied seit</th>
          <th scope="col">
            <span className="visually-hidden">Aktionen</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.userId}>
            <th scope="row">
              {m.name}
              {m.userId === actorId ? <span className="meta"> (Sie)</span> : null}
            </th>
            <td>{m.email}</td>
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
  );
}
