import type { NextAuthConfig } from "next-auth";

/** Edge-safe settings (no database imports); auth.ts adds the provider and callbacks. */
export const authConfig = {
  // Auth.js's built-in pages (English) are never shown: each leads to the app's German page.
  pages: { signIn: "/login", signOut: "/abmelden", error: "/login", verifyRequest: "/login", newUser: "/concepts" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig;
