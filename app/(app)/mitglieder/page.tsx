import type { Metadata } from "next";
import { InvitationList } from "@/components/members/invitation-list";
import { InviteForm } from "@/components/members/invite-form";
import { MemberTable } from "@/components/members/member-table";
import { activeMembership, requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { getMemberOverview } from "@/lib/members/service";
import { MUNICIPALITY_KIND_LABELS } from "@/lib/members/labels";

export const metadata: Metadata = { title: "Mitglieder" };

export default async function MembersPage() {
  const actor = await requireActor();
  const { active } = await activeMembership(actor);
  if (!active) {
    return (
      <>
        <h1>Mitglieder</h1>
        <p className="notice">Sie gehören noch keiner Kommune an. Bitten Sie die Leitung Ihres Integrationsbüros um eine Einladung.</p>
      </>
    );
  }
  if (!can(active.role, "members.manage")) {
    return (
      <>
        <h1>Mitglieder</h1>
        <p className="notice">Nur die Leitung kann Mitglieder verwalten.</p>
      </>
    );
  }
  const { members, invitations } = await getMemberOverview(actor, { municipalityId: active.municipalityId });
  return (
    <>
      <h1>Mitglieder</h1>
      <p className="meta">
        {active.name} ({MUNICIPALITY_KIND_LABELS[active.kind]}) · {members.length} {members.length === 1 ? "Mitglied" : "Mitglieder"}
      </p>
      <p className="meta">
        Eine Änderung der Rolle und das Entfernen wirken sofort: Die betroffene Person wird abgemeldet. Mindestens eine Person muss die
        Leitung behalten.
      </p>
      <MemberTable members={members} municipalityId={active.municipalityId} municipalityName={active.name} actorId={actor.id} />

      <section aria-labelledby="invite-heading" className="card" style={{ marginTop: "1.5rem" }}>
        <h2 id="invite-heading" style={{ marginTop: 0 }}>
          Person einladen
        </h2>
        <InviteForm municipalityId={active.municipalityId} />
      </section>

      <section aria-labelledby="open-invitations-heading">
        <h2 id="open-invitations-heading">Offene Einladungen</h2>
        <InvitationList invitations={invitations} municipalityId={active.municipalityId} />
      </section>
    </>
  );
}
