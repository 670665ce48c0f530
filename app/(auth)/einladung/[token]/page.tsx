import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/format";
import { describeInvitation, invitationMessage } from "@/lib/members/service";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Einladung annehmen", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await describeInvitation({ token });
  if (invitation.state !== "valid") {
    return (
      <>
        <h1>Einladung</h1>
        <p className="notice">{invitationMessage(invitation.state)}</p>
        <p>
          <Link href="/login">Zur Anmeldung</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Einladung annehmen</h1>
      <p>
        Sie sind eingeladen, bei <strong>{invitation.municipalityName}</strong> im Integrationskonzept mitzuarbeiten.
      </p>
      <dl>
        <dt>Kommune</dt>
        <dd>{invitation.municipalityName}</dd>
        <dt>Rolle</dt>
        <dd>{ROLE_LABELS[invitation.role]}</dd>
        <dt>E-Mail-Adresse</dt>
        <dd>{invitation.email}</dd>
        <dt>Gültig bis</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      <AcceptForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
    </>
  );
}
