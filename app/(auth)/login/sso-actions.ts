"use server";
import { headers } from "next/headers";
import { signIn } from "@/auth";
import { publicOrigin } from "@/lib/http/origin";
import { safeRedirectPath } from "@/lib/http/redirect";
import { oidcProviders } from "@/lib/sso/config";

/** "Anmelden mit …": Auth.js sets its state, nonce and PKCE cookies and redirects to the provider. */
export async function ssoSignIn(form: FormData) {
  const provider = oidcProviders().find((p) => p.id === form.get("provider"));
  if (!provider) return;
  const target = safeRedirectPath(String(form.get("next") ?? ""), publicOrigin(await headers()));
  await signIn(provider.id, { redirectTo: target });
}
