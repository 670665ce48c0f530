/**
 * The message namespaces that code running in the browser reads (with the useTranslations hook, in a client
 * component or in a hook or component one uses). The audit log's, the comparison's and the other server-rendered
 * pages' texts, and the domain's (lib/i18n/domain-server.ts), are translated on the server and never sent.
 * Each page sends only the namespaces its own client components read (withClientMessages in
 * components/i18n/with-client-messages.tsx, issue 17): every namespace here went into every page's React payload
 * before, 59 KB, a quarter of the version history's. lib/i18n/client-messages.test.ts checks this list against the
 * code, and each page's list against the client components it imports.
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

export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];

/**
 * What the layouts and error pages hand to the browser: the provider of app/layout.tsx, around every page's own.
 * Empty today (the header's language switch and menu are translated on the server); the test keeps it in step.
 */
export const SHELL_NAMESPACES: readonly ClientNamespace[] = [];

/** The named namespaces of a locale's catalogue. */
export function pickMessages<T extends Record<string, unknown>>(all: T, namespaces: readonly ClientNamespace[]): Partial<T> {
  return Object.fromEntries(namespaces.filter((ns) => ns in all).map((ns) => [ns, all[ns]])) as Partial<T>;
}
