import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { resetLinkValid } from "@/lib/auth/password-reset";
import { ResetPasswordForm } from "./reset-form";
import { withClientMessages } from "@/components/i18n/with-client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reset");
  return { title: t("resetTitle"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ token: string }> };

export default withClientMessages(["form", "reset"], async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("reset");
  const valid = await resetLinkValid(token);
  return (
    <>
      <h1>{t("resetTitle")}</h1>
      {valid ? <ResetPasswordForm token={token} /> : <p className="notice">{t("linkInvalid")}</p>}
      <p>
        <Link href={valid ? "/login" : "/passwort-vergessen"}>{valid ? t("toLogin") : t("requestAgain")}</Link>
      </p>
    </>
  );
});
