import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Kommune registrieren" };

export default function RegisterPage() {
  return (
    <>
      <h1>Kommune registrieren</h1>
      <p>
        Registrieren Sie Ihre Kommune für Konzeptwerk. Sie werden ihre erste Leitung und können danach Kolleginnen und Kollegen einladen.
      </p>
      <p className="meta">
        Ihre Kommune ist schon registriert? Dann bitten Sie deren Leitung um eine Einladung. <Link href="/login">Zur Anmeldung</Link>
      </p>
      <RegisterForm />
    </>
  );
}
