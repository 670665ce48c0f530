"use server";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/auth";

export type LoginState = { error?: string; email?: string };

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const next = String(form.get("next") ?? "");
  const t = await getTranslations("login");
  if (!email || !password) return { error: t("missingCredentials"), email };
  // Only same-site paths as targets after sign-in (no open redirect).
  const redirectTo = /^\/(?![/\\])/.test(next) ? next : "/concepts";
  try {
    await signIn("credentials", { email, password, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      const limited = /^rate_limited(?::(\d+))?$/.exec(code);
      if (limited) return { error: t("rateLimited", { minutes: Number(limited[1] ?? 15) }), email };
      return { error: t("invalidCredentials"), email };
    }
    throw error;
  }
}
