import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { JSONContent } from "@tiptap/core";
import { listMembers } from "@/db/queries/members";
import { listVersionRows } from "@/db/queries/versions";
import { pageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { describeAudit, type AuditTranslate } from "@/lib/audit/describe";
import { auditNames } from "@/lib/audit/names";
import { renderHtmlKeyed } from "@/lib/editor/render";
import { formatDate, formatDateTime } from "@/lib/format";
import { getLabels, getTemplateText } from "@/lib/i18n/server";
import { listThreads, type ThreadView } from "@/lib/review/comments";
import { readActivity } from "@/lib/review/inbox";
import { auditThreadPath } from "@/lib/review/links";
import { listRounds } from "@/lib/review/rounds";
import { templateFor } from "@/lib/template";
import { ReviewSection, TargetThreads } from "@/components/review/review-section";
import { CloseRoundButton, StartRoundForm } from "@/components/review/rounds";
import { RoundAnswerForm } from "@/components/review/round-controls";
import { orNotFound } from "@/lib/http/page";
import { isDocumentRequest } from "@/lib/http/page-load";
import { headers } from "next/headers";
import { ScrollBox } from "@/components/ui/scroll-box";
import { HydrateLater } from "@/components/ui/hydrate-later";
import { IntentLink } from "@/components/ui/intent-link";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { params: Promise<{ conceptId: string }> };

export const metadata: Metadata = { title: "Prüfung" };

/**
 * The review page: every rich-text part as static HTML with its comment
 * threads beside it, comments on measures and chapters, the review rounds and
 * the concept's activity. Reviewers work here; nothing on it edits content.
 */
export default withClientMessages(["form", "mentions", "review", "rounds"], async function ReviewPage({ params }: Props) {
  const { conceptId } = await params;
  const actor = await pageActor();
  const { concept, role, tree, members, threads } = await orNotFound(listThreads(actor, conceptId));
  const [{ rounds, targets }, activity, versions, people] = await Promise.all([
    listRounds(actor, concept.id),
    readActivity(actor, concept.id, 30),
    listVersionRows({ conceptId: concept.id }),
    listMembers({ municipalityId: concept.municipalityId }),
  ]);
  const t = await getTranslations("review");
  const tr = await getTranslations("rounds");
  const tt = await getTemplateText();
  const labels = await getLabels();
  const template = templateFor(concept.templateVersion);
  const viewer = { userId: actor.id, canComment: can(role, "comment.create"), canModerate: can(role, "comment.moderate") };
  const canManage = can(role, "review.manage");
  // Each part's text once (issue 17, as on the concept page): a page load carries it in its HTML only.
  const inAppNavigation = !isDocumentRequest(await headers());
  const text = (content: unknown) => {
    const { key, html } = renderHtmlKeyed(content as JSONContent);
    return { htmlKey: key, html: inAppNavigation ? html : undefined };
  };

  const bySection = new Map<string, ThreadView[]>();
  const byMeasure = new Map<string, ThreadView[]>();
  const byChapter = new Map<string, ThreadView[]>();
  const push = (m: Map<string, ThreadView[]>, k: string, th: ThreadView) => m.set(k, [...(m.get(k) ?? []), th]);
  for (const th of threads) {
    if ((th.targetKind === "text" || th.targetKind === "suggestion") && th.sectionId) push(bySection, th.sectionId, th);
    else if (th.targetKind === "measure" && th.measureId) push(byMeasure, th.measureId, th);
    else push(byChapter, `${th.chapter}/${th.fieldKey ?? ""}`, th);
  }
  const open = threads.filter((th) => th.state === "open").length;
  const statusLabel = labels.conceptStatuses[concept.status as keyof typeof labels.conceptStatuses] ?? concept.status;
  const targetTitle = (key: string) => {
    const target = targets.find((x) => x.key === key);
    if (!target) return key;
    const chapter = template.chapters.find((c) => c.key === target.chapter);
    const field = target.fieldKey ? tree.fields.find((f) => f.key === target.fieldKey) : null;
    return field ? tt.fieldTitle(field) : chapter ? tt.chapterTitle(chapter) : target.title;
  };
  // The same sentences as the municipality's log, without the concept's title (this page is the concept's).
  const tAudit = await getTranslations("audit");
  const names = auditNames(labels, tt, await getLocale());
  const activitySentence = (a: (typeof activity)[number]) =>
    describeAudit({ action: a.action, actorName: a.actorName, conceptTitle: null, details: a.details }, tAudit as unknown as AuditTranslate, names);

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>{t("title", { title: concept.title })}</h1>
          <p className="meta" data-testid="review-summary">
            {statusLabel} · {t("summary", { open, resolved: threads.length - open })}
          </p>
        </div>
        <div className="actions-row">
          <IntentLink className="button-secondary" href={`/concepts/${concept.id}`}>
            {t("backToConcept")}
          </IntentLink>
          <IntentLink className="button-secondary" href={`/concepts/${concept.id}/versionen`}>
            {t("versions")}
          </IntentLink>
          <a className="button-secondary" href={`/api/concepts/${concept.id}/comments`} download={`Kommentare-${concept.id}.json`}>
            {t("archive")}
          </a>
        </div>
      </div>

      <section aria-labelledby="rounds-heading" className="review-rounds">
        <h2 id="rounds-heading">{t("roundsHeading")}</h2>
        {rounds.length === 0 ? <p className="meta">{t("noRounds")}</p> : null}
        {rounds.map(({ round, overdue, reviewers, answers }) => {
          const mine = reviewers.some((r) => r.userId === actor.id) && round.state === "open" && can(role, "review.answer");
          return (
            <section key={round.id} className="card round" aria-labelledby={`round-${round.id}`} data-testid="round" data-round-id={round.id}>
              <h3 id={`round-${round.id}`} style={{ marginTop: 0 }}>
                <bdi>{round.title}</bdi>
              </h3>
              <p className="meta">
                {t("roundMeta", { version: round.versionNumber, due: formatDate(round.dueDate), state: round.state === "open" ? t("roundOpen") : t("roundClosed") })}
                {overdue ? <strong className="overdue"> · {t("overdue")}</strong> : null}
              </p>
              <ul className="round-progress">
                {reviewers.map((r) => (
                  <li key={r.userId}>{t("answeredCount", { name: r.name, count: r.answered, total: targets.length })}</li>
                ))}
              </ul>
              <ScrollBox label={round.title}>
                <table className="table round-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("target")}</th>
                      {reviewers.map((r) => (
                        <th scope="col" key={r.userId}>
                          {r.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {targets.map((target) => (
                      <tr key={target.key}>
                        <th scope="row">{targetTitle(target.key)}</th>
                        {reviewers.map((r) => {
                          const a = answers.find((x) => x.reviewerId === r.userId && x.target === target.key);
                          return (
                            <td key={r.userId} className={a ? `verdict-${a.verdict}` : "verdict-open"}>
                              {a ? (a.verdict === "approve" ? t("approve") : t("requestChanges")) : t("notAnswered")}
                              {a?.note ? <span className="meta verdict-note"> – {a.note}</span> : null}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
              {mine ? (
                <details className="your-answers" open>
                  <summary>{t("yourAnswers")}</summary>
                  {targets.map((target) => {
                    const a = answers.find((x) => x.reviewerId === actor.id && x.target === target.key);
                    return (
                      <RoundAnswerForm
                        key={target.key}
                        conceptId={concept.id}
                        roundId={round.id}
                        target={target.key}
                        title={targetTitle(target.key)}
                        current={a ? { verdict: a.verdict as "approve" | "request_changes", note: a.note } : null}
                      />
                    );
                  })}
                </details>
              ) : null}
              {canManage ? (
                <a href={`/api/concepts/${concept.id}/rounds/${round.id}/results.csv`} download data-testid="round-csv">
                  {tr("csv")}
                </a>
              ) : null}
              {canManage && round.state === "open" ? <CloseRoundButton conceptId={concept.id} roundId={round.id} /> : null}
            </section>
          );
        })}
        {canManage ? (
          versions.length ? (
            <StartRoundForm
              conceptId={concept.id}
              versions={versions.map((v) => ({ number: v.number, label: v.label }))}
              people={people.filter((p) => p.role !== "viewer").map((p) => ({ id: p.userId, name: p.name, role: p.role }))}
            />
          ) : (
            <p className="notice">{t("noVersionForRound")}</p>
          )
        ) : null}
      </section>

      {template.chapters.map((chapter, index) => {
        const chapterTitle = tt.chapterTitle(chapter);
        // The page's head is live first; each chapter, field of action and part follows on its own, and one that a
        // click or a key goes to at once (issue 17).
        return (
          <HydrateLater key={chapter.key}>
            <section id={`kapitel-${chapter.key}`} className="chapter review-chapter" aria-labelledby={`h-${chapter.key}`}>
              <h2 id={`h-${chapter.key}`}>
                {index + 1}. {chapterTitle}
              </h2>
              <HydrateLater>
                <TargetThreads
                  conceptId={concept.id}
                  target={{ kind: "chapter", chapter: chapter.key }}
                  label={chapterTitle}
                  heading={t("generalComments")}
                  threads={byChapter.get(`${chapter.key}/`) ?? []}
                  viewer={viewer}
                  members={members}
                />
              </HydrateLater>
              {chapter.parts.map((p) => {
                const section = tree.sections.find((s) => s.chapter === chapter.key && s.part === p.key && !s.fieldId);
                return section ? (
                  <HydrateLater key={p.key}>
                    <ReviewSection
                      conceptId={concept.id}
                      sectionId={section.id}
                      label={tt.chapterPartTitle(chapter, p)}
                      {...text(section.content)}
                      threads={bySection.get(section.id) ?? []}
                      viewer={viewer}
                      members={members}
                    />
                  </HydrateLater>
                ) : null;
              })}
              {chapter.key === "fields"
                ? tree.fields.map((field, fi) => {
                    const fieldTitle = tt.fieldTitle(field);
                    const measures = tree.measures.filter((m) => m.fieldId === field.id);
                    return (
                      <HydrateLater key={field.id}>
                        <section id={`feld-${field.key}`} className="field-of-action" aria-labelledby={`h-field-${field.key}`}>
                          <h3 id={`h-field-${field.key}`}>
                            {index + 1}.{fi + 1} {fieldTitle}
                          </h3>
                          <TargetThreads
                            conceptId={concept.id}
                            target={{ kind: "chapter", chapter: "fields", fieldKey: field.key }}
                            label={fieldTitle}
                            heading={t("fieldComments")}
                            threads={byChapter.get(`fields/${field.key}`) ?? []}
                            viewer={viewer}
                            members={members}
                          />
                          {template.fieldParts
                            .filter((fp) => fp.kind === "richText")
                            .map((fp) => {
                              const section = tree.sections.find((s) => s.fieldId === field.id && s.part === fp.key);
                              const label = `${tt.fieldPartTitle(fp)} – ${fieldTitle}`;
                              return section ? (
                                <div key={fp.key} className="part">
                                  <h4>{tt.fieldPartTitle(fp)}</h4>
                                  <HydrateLater>
                                    <ReviewSection
                                      conceptId={concept.id}
                                      sectionId={section.id}
                                      label={label}
                                      {...text(section.content)}
                                      threads={bySection.get(section.id) ?? []}
                                      viewer={viewer}
                                      members={members}
                                    />
                                  </HydrateLater>
                                </div>
                              ) : null;
                            })}
                          {measures.length ? (
                            <>
                              <h4>{t("measures")}</h4>
                              <ul className="review-measures">
                                {measures.map((m) => (
                                  <li key={m.id} className="review-measure" data-testid={`measure-${m.id}`}>
                                    <p className="review-measure-title">{m.title}</p>
                                    <TargetThreads
                                      conceptId={concept.id}
                                      target={{ kind: "measure", measureId: m.id }}
                                      label={m.title}
                                      heading={t("measureComments")}
                                      threads={byMeasure.get(m.id) ?? []}
                                      viewer={viewer}
                                      members={members}
                                    />
                                  </li>
                                ))}
                              </ul>
                            </>
                          ) : null}
                        </section>
                      </HydrateLater>
                    );
                  })
                : null}
            </section>
          </HydrateLater>
        );
      })}

      <HydrateLater>
        <section aria-labelledby="activity-heading" className="card">
          <h2 id="activity-heading" style={{ marginTop: 0 }}>
            {t("activityHeading")}
          </h2>
          {activity.length === 0 ? <p className="meta">{t("noActivity")}</p> : null}
          <ul className="activity" data-testid="activity">
            {activity.map((a) => (
              <li key={a.id}>
                <span className="meta">{formatDateTime(a.createdAt)}</span> {activitySentence(a)}
                {auditThreadPath({ action: a.action, conceptId: concept.id, objectId: a.objectId }) ? (
                  <>
                    {" "}
                    <IntentLink href={auditThreadPath({ action: a.action, conceptId: concept.id, objectId: a.objectId })!}>{t("showThread")}</IntentLink>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </HydrateLater>
    </>
  );
});
