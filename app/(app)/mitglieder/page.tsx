import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvitationList } from "@/components/members/invitation-list";
import { InviteForm } from "@/components/members/invite-form";
import { MemberTable } from "@/components/members/member-table";
import { activeMembership, pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { getMemberOverview } from "@/lib/members/service";
import { getLabels } from "@/lib/i18n/server";
import { LogoForm } from "@/components/members/logo-form";
import { getLogoInfo } from "@/db/queries/logos";
import { SignInSettings } from "@/components/members/sign-in-settings";
import { getSignInSettings } from "@/lib/sso/settings";
import { MailProblems } from "@/components/members/mail-problems";
import { getMailProblems } from "@/lib/mail/admin";
import { mailConfigured } from "@/lib/mail/config";
import { FAILED_MAIL_KEEP_DAYS } from "@/lib/mail/queue";
import { removeLogoAction, uploadLogoAction } from "./logo-actions";
import { StaffCostForm } from "@/components/members/staff-cost-form";
import { getStaffCostRate } from "@/db/queries/funding";
import { DEFAULT_STAFF_COST_PER_FTE_CENTS } from "@/lib/funding/rate";
import { formatEuro, formatEuroInput } from "@/lib/measures/labels";
import { withClientMessages } from "@/components/i18n/with-client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default withClientMessages(["form", "labels", "logo", "members", "template"], async function MembersPage() {
  const actor = await pageActor();
  const { active } = await activeMembership(actor);
  const t = await getTranslations("members");
  const tl = await getTranslations("logo");
  if (!active) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="notice">{t("noMunicipality")}</p>
      </>
    );
  }
  if (!can(active.role, "members.manage")) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="notice">{t("adminOnly")}</p>
      </>
    );
  }
  const [{ members, invitations }, labels, logo, rate, signIn, mailProblems] = await Promise.all([
    getMemberOverview(actor, { municipalityId: active.municipalityId }),
    getLabels(),
    getLogoInfo({ municipalityId: active.municipalityId }),
    getStaffCostRate({ municipalityId: active.municipalityId }),
    getSignInSettings(actor, { municipalityId: active.municipalityId }),
    getMailProblems(actor, { municipalityId: active.municipalityId }),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="meta">
        {active.name} ({labels.municipalityKinds[active.kind]}) · {t("count", { count: members.length })}
      </p>
      <p className="meta">{t("intro")}</p>
      <MemberTable members={members} municipalityId={active.municipalityId} municipalityName={active.name} actorId={actor.id} />

      <section aria-labelledby="invite-heading" className="card" style={{ marginTop: "1.5rem" }}>
        <h2 id="invite-heading" style={{ marginTop: 0 }}>
          {t("inviteHeading")}
        </h2>
        <InviteForm municipalityId={active.municipalityId} />
      </section>

      {mailProblems.length > 0 ? (
        <section aria-labelledby="mail-problems-heading">
          <h2 id="mail-problems-heading">{t("mailProblemsHeading")}</h2>
          <MailProblems
            municipalityId={active.municipalityId}
            problems={mailProblems.map((m) => ({ ...m, nextAttemptAt: m.nextAttemptAt.toISOString(), createdAt: undefined }))}
            keepDays={FAILED_MAIL_KEEP_DAYS}
          />
        </section>
      ) : null}
      {!mailConfigured() ? <p className="meta">{t("noMailServer")}</p> : null}

      <section aria-labelledby="open-invitations-heading">
        <h2 id="open-invitations-heading">{t("openInvitations")}</h2>
        <InvitationList invitations={invitations} municipalityId={active.municipalityId} />
      </section>

      {signIn ? (
        <section aria-labelledby="sign-in-heading" className="card" style={{ marginTop: "1.5rem" }}>
          <h2 id="sign-in-heading" style={{ marginTop: 0 }}>
            {t("signInHeading")}
          </h2>
          <SignInSettings municipalityId={active.municipalityId} passwordSignIn={signIn.passwordSignIn} domains={signIn.domains} groupRoles={signIn.groupRoles} />
        </section>
      ) : null}

      <section aria-labelledby="logo-heading" className="card" style={{ marginTop: "1.5rem" }}>
        <h2 id="logo-heading" style={{ marginTop: 0 }}>
          {tl("heading")}
        </h2>
        <LogoForm
          municipalityId={active.municipalityId}
          current={logo ? { src: `/api/municipalities/${active.municipalityId}/logo`, version: logo.updatedAt.toISOString() } : null}
          upload={uploadLogoAction}
          remove={removeLogoAction}
        />
      </section>

      <section aria-labelledby="rate-heading" className="card" style={{ marginTop: "1.5rem" }}>
        <h2 id="rate-heading" style={{ marginTop: 0 }}>
          Personalkostensatz
        </h2>
        <StaffCostForm municipalityId={active.municipalityId} current={formatEuroInput(rate)} defaultRate={formatEuro(DEFAULT_STAFF_COST_PER_FTE_CENTS)} />
      </section>
    </>
  );
});
