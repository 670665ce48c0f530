import "server-only";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type ClientNamespace } from "@/lib/i18n/client-messages";

/**
 * A page with the message namespaces its client components read, and no others, in its React payload (issue 17).
 * The provider replaces the layout's for everything below it, so the list must name every namespace a client
 * component of the page reads: lib/i18n/client-messages.test.ts walks each page's imports and holds the list to them.
 */
export function withClientMessages<P extends object>(namespaces: readonly ClientNamespace[], Page: (props: P) => ReactNode | Promise<ReactNode>) {
  async function PageWithMessages(props: P) {
    const messages = pickMessages(await getMessages(), namespaces);
    return (
      <NextIntlClientProvider messages={messages}>
        <Page {...props} />
      </NextIntlClientProvider>
    );
  }
  return PageWithMessages;
}
