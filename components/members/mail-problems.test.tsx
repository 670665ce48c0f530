/** The admins' list of mails that did not go out: "Erneut senden" only while a given-up mail still has its text. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import de from "@/messages/de.json";
import { MailProblems } from "./mail-problems";

// (the server action is not run here; its module needs the server)
vi.mock("@/app/(app)/mitglieder/sign-in-actions", () => ({ retryMailAction: vi.fn() }));

const problem = (recipient: string, status: string, hasText: boolean) => ({
  id: `id-${recipient}`,
  kind: "invitation",
  recipient,
  status,
  attempts: 8,
  lastError: "451 Try again later",
  nextAttemptAt: "2026-12-07T10:00:00.000Z",
  hasText,
});

describe("MailProblems", () => {
  it("offers to send a given-up mail again while it has its text, and says to invite anew once the text is gone", () => {
    const html = renderToStaticMarkup(
      createElement(NextIntlClientProvider, {
        locale: "de",
        messages: de,
        timeZone: "Europe/Berlin",
        children: createElement(MailProblems, {
          municipalityId: "m",
          keepDays: 7,
          problems: [problem("frisch@example.org", "failed", true), problem("alt@example.org", "failed", false)],
        }),
      }),
    );
    const rows = html.split("<tr>").slice(2);
    expect(rows[0]).toContain("frisch@example.org");
    expect(rows[0]).toContain(">Erneut senden</button>");
    expect(rows[1]).toContain("alt@example.org");
    expect(rows[1]).not.toContain("button");
    expect(rows[1]).toContain("Text nach 7 Tagen gelöscht – bei Bedarf neu einladen");
    expect(html).toContain("bis 7 Tage nach dem ersten Versand");
  });
});
