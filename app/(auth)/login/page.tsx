import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/session";
import { ssoButtons } from "@/lib/sso/config";
import { endSessionUrl } from "@/lib/sso/end-session";
import { LoginForm } from "./login-form";
import { ssoSignIn } from "./sso-actions";
import { Notice } from "@/components/ui/notice";
import { withClientMessages } from "@/components/i18n/with-client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default withClientMessages(["form", "login"], async function LoginPage({ searchParams }: Props) {
  if (await currentActor()) redirect("/concepts");
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : "/concepts";
  const t = await getTranslations("login");
  const tr = await getTranslations("reset");
  const buttons = ssoButtons();
  const endSession = params.abgemeldet && typeof params.sso_abmelden === "string" ? await endSessionUrl(params.sso_abmelden) : null;
  const ssoError = params.sso === "unknown" ? t("ssoUnknown") : params.sso === "no_email" ? t("ssoNoEmail") : null;
  return (
    <>
      <h1>{t("title")}</h1>
      {/* What the step before reported (a redirect here): the one notice, as on every form. */}
      {params.eingeladen ? <Notice message={{ kind: "ok", text: t("invited") }} /> : null}
      {params.registriert ? <Notice message={{ kind: "ok", text: t("registered") }} /> : null}
      {params.passwort ? <Notice message={{ kind: "ok", text: tr("done") }} /> : null}
      {params.abgemeldet ? (
        <p className="notice">
          {t("loggedOut")}
          {endSession ? (
            <>
              {" "}
              <a href={endSession.url}>{t("ssoEndSession", { name: endSession.name })}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {ssoError ? <Notice message={{ kind: "error", text: ssoError }} /> : null}
      {/* Auth.js sends its errors here (pages.error) instead of its English error page. */}
      {params.error && !ssoError ? <Notice message={{ kind: "error", text: t("authError") }} /> : null}
      {buttons.length > 0 ? (
        <>
          {buttons.map((b) => (
            <form key={b.id} action={ssoSignIn} className="actions-row">
              <input type="hidden" name="provider" value={b.id} />
              <input type="hidden" name="next" value={next} />
              <button className="button" type="submit">
                {t("ssoButton", { name: b.name })}
              </button>
            </form>
          ))}
          <p className="meta">{t("ssoOr")}</p>
        </>
      ) : null}
      <LoginForm next={next} />
      <p className="meta">
        <Link href="/passwort-vergessen">{t("forgotPassword")}</Link>
      </p>
      <p className="meta">
        {t("notYetUsing")} <Link href="/registrieren">{t("registerLink")}</Link>
      </p>
    </>
  );
});
