"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/auth";
import { publicOrigin } from "@/lib/http/origin";
import { safeRedirectPath } from "@/lib/http/redirect";

export type LoginState = { error?: string; email?: string };

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const next = String(form.get("next") ?? "");
  const t = await getTranslations("login");
  if (!email || !password) return { error: t("missingCredentials"), email };
  // Only paths on this app as targets after sign-in (no open redirect), parsed as a browser would.
  const target = safeRedirectPath(next, publicOrigin(await headers()));
  try {
    // No redirect by Auth.js (it would build the address from request headers); ours is a plain path.
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      const limited = /^rate_limited(?::(\d+))?$/.exec(code);
      if (limited) return { error: t("rateLimited", { minutes: Number(limited[1] ?? 15) }), email };
      if (code === "sso_required") return { error: t("ssoRequired"), email };
      return { error: t("invalidCredentials"), email };
    }
    throw error;
  }
  redirect(target);
}
