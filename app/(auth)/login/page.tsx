import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  if (await currentActor()) redirect("/concepts");
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : "/concepts";
  const t = await getTranslations("login");
  return (
    <>
      <h1>{t("title")}</h1>
      {params.eingeladen ? <p className="notice notice-ok">{t("invited")}</p> : null}
      {params.registriert ? <p className="notice notice-ok">{t("registered")}</p> : null}
      {params.abgemeldet ? <p className="notice">{t("loggedOut")}</p> : null}
      {/* Auth.js sends its errors here (pages.error) instead of its English error page. */}
      {params.error ? <p className="notice notice-error">{t("authError")}</p> : null}
      <LoginForm next={next} />
      <p className="meta">
        {t("notYetUsing")} <Link href="/registrieren">{t("registerLink")}</Link>
      </p>
    </>
  );
}
