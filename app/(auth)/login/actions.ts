"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";

export type LoginState = { error?: string; email?: string };

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const next = String(form.get("next") ?? "");
  if (!email || !password) return { error: "Bitte geben Sie E-Mail-Adresse und Passwort ein.", email };
  // Only same-site paths as targets after sign-in (no open redirect).
  const redirectTo = /^\/(?![/\\])/.test(next) ? next : "/concepts";
  try {
    await signIn("credentials", { email, password, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "rate_limited") return { error: "Zu viele Anmeldeversuche. Bitte warten Sie 15 Minuten.", email };
      return { error: "E-Mail-Adresse oder Passwort ist falsch.", email };
    }
    throw error;
  }
}
