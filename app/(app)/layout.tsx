import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { SmallScreenMenu } from "@/components/ui/small-screen-menu";
import { activeMembership, currentActor } from "@/lib/auth/session";
import { getLabels } from "@/lib/i18n/server";
import { unreadCount } from "@/lib/review/inbox";
import { logout, switchMunicipality } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const { active, all } = await activeMembership(actor);
  const t = await getTranslations("shell");
  const labels = await getLabels();
  const unread = active ? await unreadCount(actor, { municipalityId: active.municipalityId }) : 0;
  return (
    <>
      <header className="shell-header">
        <IntentLink href="/concepts" className="brand">
          Konzeptwerk
        </IntentLink>
        {/* On small screens everything after the name sits behind one menu button (app/globals.css). */}
        <SmallScreenMenu label={t("menu")} className="shell-menu">
        <nav aria-label={t("mainNav")}>
          <ul>
            <li>
              <IntentLink href="/concepts">{t("concepts")}</IntentLink>
            </li>
            {active ? (
              <li>
                <IntentLink href="/aufgaben">
                  {t("inbox")}
                  {unread > 0 ? <span className="inbox-count">{unread}</span> : null}
                </IntentLink>
              </li>
            ) : null}
            {active?.role === "admin" ? (
              <>
                <li>
                  <IntentLink href="/mitglieder">{t("members")}</IntentLink>
                </li>
                <li>
                  <IntentLink href="/protokoll">{t("audit")}</IntentLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <span className="spacer" />
        {all.length > 1 ? (
          <form action={switchMunicipality} className="actions-row">
            <label htmlFor="municipality-switch" className="visually-hidden">
              {t("chooseMunicipality")}
            </label>
            <select id="municipality-switch" name="municipalityId" defaultValue={active?.municipalityId}>
              {all.map((m) => (
                <option key={m.municipalityId} value={m.municipalityId}>
                  {m.name}
                </option>
              ))}
            </select>
            <button className="button-secondary" type="submit">
              {t("switchMunicipality")}
            </button>
          </form>
        ) : active ? (
          <span className="who">
            <bdi>{active.name}</bdi>
          </span>
        ) : null}
        <span className="who">
          <bdi>{actor.name}</bdi>
          {active ? ` · ${labels.roles[active.role]}` : ""}
        </span>
        <LanguageSwitch />
        <form action={logout}>
          <button className="button-secondary" type="submit">
            {t("logout")}
          </button>
        </form>
        </SmallScreenMenu>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
