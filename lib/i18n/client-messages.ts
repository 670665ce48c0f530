/**
 * The message namespaces that code running in the browser reads (with the useTranslations hook, in a client
 * component or in a hook or component one uses). Only these go into every page's React payload: the audit log's, the
 * comparison's and the other server-rendered pages' texts, and the domain's (lib/i18n/domain-server.ts), are
 * translated on the server and would only make each page heavier (issue 17). lib/i18n/client-messages.test.ts
 * checks this list against the code, both ways.
 */
export const CLIENT_NAMESPACES = [
  "check",
  "concept",
  "conceptLifecycle",
  "concepts",
  "editor",
  "form",
  "import",
  "inbox",
  "invite",
  "labels",
  "languageSwitch",
  "library",
  "login",
  "logo",
  "margin",
  "measures",
  "mentions",
  "members",
  "monitoring",
  "outline",
  "pdf",
  "peers",
  "register",
  "reset",
  "review",
  "rounds",
  "status",
  "subGoals",
  "template",
  "versions",
  "writing",
] as const;

/** The part of a locale's catalogue the browser needs (see CLIENT_NAMESPACES). */
export function clientMessages<T extends Record<string, unknown>>(all: T): Partial<T> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in all).map((ns) => [ns, all[ns]])) as Partial<T>;
}
