import type { Locale } from "@/lib/i18n/config";
import type messages from "../messages/de.json";

// Typed keys: t("…") with a key missing from messages/de.json fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
