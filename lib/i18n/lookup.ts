/** A message by its full key within a namespace, or undefined when the catalogue has none. */
export type Lookup = (key: string) => string | undefined;

/**
 * Any next-intl translator (from useTranslations or getTranslations). Its keys
 * are typed; the label and template helpers build keys from data (role, chapter
 * key), so they go through this untyped view and fall back when a key is missing.
 */
type Translator = ((...args: never[]) => string) & { has: (...args: never[]) => boolean };

export function lookupOf(t: Translator): Lookup {
  const loose = t as unknown as { (key: string): string; has(key: string): boolean };
  return (key) => (loose.has(key) ? loose(key) : undefined);
}
