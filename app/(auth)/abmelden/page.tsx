import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { logout } from "@/app/(app)/actions";
import { currentActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("signOutTitle") };
}

/** Where Auth.js's own sign-out page (/api/auth/signout) leads: the same sign-out as the button in the header. */
export default async function SignOutPage() {
  if (!(await currentActor())) redirect("/login");
  const t = await getTranslations("login");
  return (
    <>
      <h1>{t("signOutTitle")}</h1>
      <p>{t("signOutQuestion")}</p>
      <form action={logout} className="actions-row">
        <button className="button" type="submit">
          {t("signOutSubmit")}
        </button>
        <Link href="/concepts">{t("signOutCancel")}</Link>
      </form>
    </>
  );
}
