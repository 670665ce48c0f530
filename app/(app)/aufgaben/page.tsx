import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { activeMembership, pageActor } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { readInbox } from "@/lib/review/inbox";
import { notificationPath, roundPath, threadPath } from "@/lib/review/links";
import { MarkReadButton } from "@/components/review/mark-read";
import { DigestForm } from "@/components/review/digest-form";
import { readMailDigest } from "@/lib/review/digest";
import { readMyAssignments } from "@/lib/concepts/assignments";
import { getTemplateText } from "@/lib/i18n/server";
import { templateFor } from "@/lib/template";
import { withClientMessages } from "@/components/i18n/with-client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: t("inbox") };
}

/** What waits for the signed-in user: threads mentioning them, rounds they must answer, notifications. */
export default withClientMessages(["inbox"], async function InboxPage() {
  const actor = await pageActor();
  const { active } = await activeMembership(actor);
  if (!active) redirect("/concepts");
  const [inbox, digest, mine] = await Promise.all([
    readInbox(actor, { municipalityId: active.municipalityId }),
    readMailDigest(actor),
    readMyAssignments(actor, { municipalityId: active.municipalityId }),
  ]);
  const t = await getTranslations("inbox");
  const tw = await getTranslations("writing");
  const tt = await getTemplateText();
  const placeOf = (a: (typeof mine)[number]) => {
    if (a.fieldId && a.fieldTitle) return { title: tt.fieldTitle({ key: a.fieldKey ?? "", title: a.fieldTitle, custom: !!a.fieldCustom }), anchor: `feld-${a.fieldKey}` };
    const chapter = templateFor(a.templateVersion).chapters.find((c) => c.key === a.chapter);
    return { title: chapter ? tt.chapterTitle(chapter) : a.chapter, anchor: `kapitel-${a.chapter}` };
  };
  const kind = (k: string) => (k === "mention" ? t("kindMention") : k === "round" ? t("kindRound") : k === "reminder" ? t("kindReminder") : t("kindReply"));
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="inbox-assignments" className="card" style={{ marginBottom: "1rem" }}>
        <h2 id="inbox-assignments" style={{ marginTop: 0 }}>
          {tw("myAssignments")}
        </h2>
        {mine.length === 0 ? <p className="meta">{tw("noAssignments")}</p> : null}
        <ul data-testid="inbox-assignments">
          {mine.map((a) => {
            const place = placeOf(a);
            return (
              <li key={`${a.conceptId}/${a.chapter}/${a.fieldId ?? ""}`}>
                <IntentLink href={`/concepts/${a.conceptId}#${place.anchor}`}>
                  <bdi>{place.title}</bdi>
                </IntentLink>{" "}
                – <bdi>{a.conceptTitle}</bdi> · {t("due", { date: formatDate(a.dueDate) })}
                {a.overdue ? <strong className="overdue"> · {t("overdue")}</strong> : null}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="inbox-rounds" className="card" style={{ marginBottom: "1rem" }}>
        <h2 id="inbox-rounds" style={{ marginTop: 0 }}>
          {t("rounds")}
        </h2>
        {inbox.rounds.length === 0 ? <p className="meta">{t("noRounds")}</p> : null}
        <ul data-testid="inbox-rounds">
          {inbox.rounds.map((r) => (
            <li key={r.id}>
              <IntentLink href={roundPath(r.conceptId)}>{r.title}</IntentLink> – {r.conceptTitle} · {t("due", { date: formatDate(r.dueDate) })}
              {r.overdue ? <strong className="overdue"> · {t("overdue")}</strong> : r.dueSoon ? <strong className="overdue" data-testid="round-due-soon"> · {t("dueSoon")}</strong> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="inbox-mentions" className="card" style={{ marginBottom: "1rem" }}>
        <h2 id="inbox-mentions" style={{ marginTop: 0 }}>
          {t("mentions")}
        </h2>
        {inbox.mentions.length === 0 ? <p className="meta">{t("noMentions")}</p> : null}
        <ul data-testid="inbox-mentions">
          {inbox.mentions.map((m) => (
            <li key={m.threadId}>
              <IntentLink href={threadPath(m.conceptId, m.threadId)}>{m.conceptTitle}</IntentLink>
              {m.quote ? <> – „{m.quote.slice(0, 120)}“</> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="inbox-notifications" className="card">
        <h2 id="inbox-notifications" style={{ marginTop: 0 }}>
          {t("notifications", { count: inbox.unread })}
        </h2>
        {inbox.unread > 0 ? <MarkReadButton municipalityId={active.municipalityId} /> : null}
        {inbox.notifications.length === 0 ? <p className="meta">{t("noNotifications")}</p> : null}
        <ul data-testid="inbox-notifications">
          {inbox.notifications.map((n) => (
            <li key={n.id} className={n.readAt ? "meta" : undefined}>
              {formatDateTime(n.createdAt)} · {n.kind === "reminder" ? null : `${n.actorName ?? "–"}: `}
              {kind(n.kind)} – <IntentLink href={notificationPath(n)}>{n.conceptTitle}</IntentLink>
              {n.readAt ? null : <strong> ({t("unread")})</strong>}
            </li>
          ))}
        </ul>
      </section>
      {digest.available ? (
        <section aria-labelledby="inbox-mail" className="card" style={{ marginTop: "1rem" }}>
          <h2 id="inbox-mail" style={{ marginTop: 0 }}>
            {t("mailHeading")}
          </h2>
          <DigestForm on={digest.on} />
        </section>
      ) : null}
    </>
  );
});
