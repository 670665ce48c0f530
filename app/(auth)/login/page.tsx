import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Anmelden" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  if (await currentActor()) redirect("/concepts");
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : "/concepts";
  return (
    <>
      <h1>Anmelden</h1>
      {params.eingeladen ? <p className="notice notice-ok">Ihr Zugang ist eingerichtet. Bitte melden Sie sich an.</p> : null}
      {params.registriert ? <p className="notice notice-ok">Ihre Kommune ist registriert. Bitte melden Sie sich an.</p> : null}
      {params.abgemeldet ? <p className="notice">Sie wurden abgemeldet.</p> : null}
      <LoginForm next={next} />
      <p className="meta">
        Ihre Kommune nutzt Konzeptwerk noch nicht? <Link href="/registrieren">Kommune registrieren</Link>
      </p>
    </>
  );
}
