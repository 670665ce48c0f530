import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import { getLabels } from "@/lib/i18n/server";
import { describeInvitation, invitationMessage } from "@/lib/members/service";
import { AcceptForm } from "./accept-form";
import { withClientMessages } from "@/components/i18n/with-client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ token: string }> };

export default withClientMessages(["form", "invite"], async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await describeInvitation({ token });
  const t = await getTranslations("invite");
  if (invitation.state !== "valid") {
    return (
      <>
        <h1>{t("heading")}</h1>
        {/* why the invitation is not valid: a domain message from lib/, German for now */}
        <p className="notice">{invitationMessage(invitation.state)}</p>
        <p>
          <Link href="/login">{t("toLogin")}</Link>
        </p>
      </>
    );
  }
  const labels = await getLabels();
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t.rich("intro", { municipality: invitation.municipalityName, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <dl>
        <dt>{t("municipality")}</dt>
        <dd>{invitation.municipalityName}</dd>
        <dt>{t("role")}</dt>
        <dd>{labels.roles[invitation.role]}</dd>
        <dt>{t("email")}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t("validUntil")}</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      <AcceptForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
    </>
  );
});
