import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { pickMessages, SHELL_NAMESPACES } from "@/lib/i18n/client-messages";
import "./globals.css";
import "./components.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: "Konzeptwerk", template: "%s · Konzeptwerk" },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("shell");
  // Only what the layouts' and error pages' client components read; each page brings its own (withClientMessages).
  const messages = pickMessages(await getMessages(), SHELL_NAMESPACES);
  return (
    <html lang={locale}>
      <body>
        {/* Locale and messages come from i18n/request.ts; the provider hands them to client components. */}
        <NextIntlClientProvider messages={messages}>
          <a className="skip-link" href="#main">
            {t("skipLink")}
          </a>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
