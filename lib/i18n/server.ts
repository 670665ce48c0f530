import { getLocale, getTranslations } from "next-intl/server";
import { localizeLabels, type Labels } from "./labels";
import { lookupOf } from "./lookup";
import { localizeTemplate, type TemplateText } from "./template";

/** Enumeration labels in the UI language, for async server components. */
export async function getLabels(): Promise<Labels> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("labels")]);
  return localizeLabels(locale, lookupOf(t));
}

/** Template titles and hints in the UI language, for async server components. */
export async function getTemplateText(): Promise<TemplateText> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("template")]);
  return localizeTemplate(locale, lookupOf(t));
}
