import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "./register-form";
import { withClientMessages } from "@/components/i18n/with-client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("register");
  return { title: t("title") };
}

export default withClientMessages(["form", "labels", "register", "template"], async function RegisterPage() {
  const t = await getTranslations("register");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="meta">
        {t("alreadyRegistered")} <Link href="/login">{t("toLogin")}</Link>
      </p>
      <RegisterForm />
    </>
  );
});
