import type { NextAuthConfig } from "next-auth";

/** Edge-safe settings (no database imports); auth.ts adds the provider and callbacks. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig;
