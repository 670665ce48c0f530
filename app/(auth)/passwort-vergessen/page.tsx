import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { mailConfigured } from "@/lib/mail/config";
import { RequestResetForm } from "./request-form";
import { withClientMessages } from "@/components/i18n/with-client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reset");
  return { title: t("requestTitle") };
}

export default withClientMessages(["form", "reset"], async function ForgotPasswordPage() {
  const t = await getTranslations("reset");
  return (
    <>
      <h1>{t("requestTitle")}</h1>
      {mailConfigured() ? (
        <>
          <p>{t("requestIntro")}</p>
          <RequestResetForm />
        </>
      ) : (
        <p className="notice">{t("noMail")}</p>
      )}
      <p>
        <Link href="/login">{t("toLogin")}</Link>
      </p>
    </>
  );
});
