import "server-only";
import { cache } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import type { JSONContent } from "@tiptap/core";
import type { Section } from "@/db/schema";
import type { ChapterDef } from "@/lib/template";
import { renderHtmlKeyed } from "@/lib/editor/render";
import { headers } from "next/headers";
import { isDocumentRequest } from "@/lib/http/page-load";
import { isEmptyHtml } from "@/components/editor/static-html";
import { getTemplateText } from "@/lib/i18n/server";
import { toMeasureView } from "@/lib/measures/view";
import { FragmentSettle } from "@/components/concept/fragment-settle";
import { FollowThreadLinks } from "@/components/concept/follow-thread-links";
import { AlignMargins } from "@/components/concept/margin-align";
import { OutlinePosition } from "@/components/concept/outline-position";
import { HydrationGates } from "@/components/ui/hydration-gate";
import { CollabSectionEditor } from "@/components/editor/collab-section-editor";
import { ChapterSettings } from "@/components/concept/chapter-settings";
import { AddFieldForm, RemoveFieldButton } from "@/components/concept/field-admin";
import { FundingOverview } from "@/components/funding/funding-overview";
import { KeyFigureSection } from "@/components/key-figures/key-figure-table";
import { fundingView } from "@/lib/funding/view";
import { FieldMeasures } from "@/components/measures/field-measures";
import { SubGoalsEditor } from "@/components/measures/sub-goals-editor";
import { measuresByGoal } from "@/lib/measures/goal-links";
import { indicatorOverview } from "@/lib/measures/indicator-overview";
import { IndicatorOverview } from "@/components/measures/indicator-overview";
import { GoalTree } from "@/components/measures/goal-tree";
import { goalSummary, goalTree, isEmptyTree } from "@/lib/measures/goal-tree";
import { PartMargin, PlaceThreads } from "@/components/concept/part-margin";
import { chapterAidKey, chapterPartAidKey, fieldPartAidKey } from "@/lib/template/writing-aids";
import { HeadingWithAid } from "@/components/concept/writing-aid";
import { HydrateLater } from "@/components/ui/hydrate-later";
import { PartDone } from "@/components/concept/part-done";
import { PlaceAssignment } from "@/components/concept/assignment";
import { RoundAnswer } from "@/components/review/round-panel";
import { conceptPageData } from "./page-data";

/** The chapters of the concept page, each with its parts, fields of action and measures (once per request). */
export const chapterRenderer = cache(async (conceptId: string) => {
  const { concept, actor, canEdit, suggest, viewer, template, tree, round, funding, marks, assigned, keyFigures, writers, members, threads, today, assignMode } = await conceptPageData(conceptId);
  // (translators are not I/O: one after the other, in the form lib/i18n/messages.test.ts reads)
  const t = await getTranslations("concept");
  const tm = await getTranslations("margin");
  const tt = await getTemplateText();
  const assignment = (chapterKey: string, fieldId: string | null, label: string) => {
    const a = assigned.find((x) => x.chapter === chapterKey && x.fieldId === fieldId);
    return (
      <PlaceAssignment
        conceptId={concept.id}
        chapter={chapterKey}
        fieldId={fieldId}
        label={label}
        current={a ? { assigneeId: a.assigneeId, name: a.assigneeName, dueDate: a.dueDate } : null}
        mode={assignMode}
        me={actor.id}
        members={writers.filter((m) => m.role === "admin" || m.role === "editor").map((m) => ({ id: m.userId, name: m.name }))}
        today={today}
      />
    );
  };
  const doneMark = (chapter: string, partKey: string, fieldId: string | null, label: string) => {
    const mark = marks.find((m) => m.chapter === chapter && m.part === partKey && m.fieldId === fieldId);
    return (
      <PartDone
        conceptId={concept.id}
        chapter={chapter}
        part={partKey}
        fieldId={fieldId}
        label={label}
        done={mark ? { by: mark.markedByName, at: mark.markedAt.toISOString() } : null}
        canEdit={canEdit}
      />
    );
  };
  // Each part's text once (issue 17): a page from the server carries it in its HTML only, the part's props
  // name it by key (components/editor/static-html.ts); a navigation inside the app (no HTML) gets it in the props.
  const inAppNavigation = !isDocumentRequest(await headers());
  const staticText = (section: Section) => {
    const { key, html } = renderHtmlKeyed(section.content as JSONContent);
    return { htmlKey: key, empty: isEmptyHtml(html), initialHtml: inAppNavigation ? html : undefined };
  };
  const part = (section: Section | undefined, label: string, hint: string) =>
    section ? (
      <div id={`teil-${section.id}`} className="part-anchor">
        <PartMargin conceptId={concept.id} sectionId={section.id} label={label} threads={threads.get(section.id) ?? []} viewer={viewer} members={members}>
          <CollabSectionEditor
            sectionId={section.id}
            label={label}
            placeholder={canEdit || suggest ? t("placeholder", { hint }) : t("noText")}
            {...staticText(section)}
            canEdit={canEdit}
            suggest={suggest}
          />
        </PartMargin>
      </div>
    ) : (
      <p className="notice notice-error">{t("missingSection")}</p>
    );

  return (chapter: ChapterDef, index: number) => (
    <HydrateLater key={chapter.key} now={index === 0} gate={`kapitel-${chapter.key}`}>
      <section id={`kapitel-${chapter.key}`} className="chapter" aria-labelledby={`h-${chapter.key}`}>
        <HeadingWithAid
          place={tt.chapterTitle(chapter)}
          aidKey={chapterAidKey(chapter.key)}
          heading={
            <h2 id={`h-${chapter.key}`}>
              {index + 1}. {tt.chapterTitle(chapter)}
            </h2>
          }
        />
        <p className="meta">{tt.chapterHint(chapter)}</p>
        <RoundAnswer round={round} target={chapter.key} title={tt.chapterTitle(chapter)} />
        <PlaceThreads conceptId={concept.id} heading={tm("chapterThreads", { label: tt.chapterTitle(chapter) })} threads={threads.get(`kapitel-${chapter.key}`) ?? []} viewer={viewer} members={members} />
        {assignment(chapter.key, null, tt.chapterTitle(chapter))}
        {chapter.settings.length ? (
          <ChapterSettings
            conceptId={concept.id}
            chapterKey={chapter.key}
            keys={chapter.settings}
            values={concept.settings}
            canEdit={canEdit}
          />
        ) : null}
        {chapter.key === "funding" ? (
          <FundingOverview
            view={fundingView(funding, (key, fallback) => {
              const field = tree.fields.find((f) => f.key === key);
              return field ? tt.fieldTitle(field) : fallback;
            })}
          />
        ) : null}
        {chapter.parts.map((p) => (
          <div className="part" key={p.key}>
            {/* A chapter's single "text" part shares the chapter's aid, shown at the chapter's heading. */}
            {chapter.parts.length > 1 || p.key !== "text" ? (
              <HeadingWithAid place={p.key === "text" ? tt.chapterTitle(chapter) : p.title} aidKey={chapterPartAidKey(chapter, p.key)} heading={null} />
            ) : null}
            {doneMark(chapter.key, p.key, null, p.key === "text" ? tt.chapterTitle(chapter) : p.title)}
            {part(
              tree.sections.find((s) => s.chapter === chapter.key && s.part === p.key && !s.fieldId),
              tt.chapterPartTitle(chapter, p),
              tt.chapterPartHint(chapter, p),
            )}
          </div>
        ))}
        {chapter.key === "baseline" && keyFigures.length ? (
          <KeyFigureSection conceptId={concept.id} lines={keyFigures} canRecord={false} thisYear={0} onConceptPage />
        ) : null}
        {chapter.key === "fields"
          ? tree.fields.map((field, fi) => {
              const fieldTitle = tt.fieldTitle(field);
              const fieldNumber = `${index + 1}.${fi + 1}`;
              const fieldMeasures = tree.measures.filter((m) => m.fieldId === field.id);
              const fieldGoals = tree.subGoals.filter((g) => g.fieldId === field.id).map((g) => ({ id: g.id, text: g.text }));
              const fieldTree = goalTree({
                goal: goalSummary(tree.sections.find((s) => s.fieldId === field.id && s.part === "goal")?.content),
                subGoals: fieldGoals,
                measures: fieldMeasures,
                fieldNumber,
              });
              return (
                <HydrateLater key={field.id} gate={`feld-${field.key}`}>
                  <section id={`feld-${field.key}`} className="field-of-action" aria-labelledby={`h-field-${field.key}`}>
                    <div className="part-head">
                      <h3 id={`h-field-${field.key}`}>
                        {index + 1}.{fi + 1} <bdi>{fieldTitle}</bdi>
                      </h3>
                      <IntentLink className="button-link" href={`/concepts/${concept.id}/monitoring?feld=${encodeURIComponent(field.key)}`}>
                        {t("fieldMonitoring", { field: fieldTitle })}
                      </IntentLink>
                      {field.custom && canEdit ? <RemoveFieldButton conceptId={concept.id} fieldId={field.id} title={field.title} /> : null}
                    </div>
                    <RoundAnswer round={round} target={`field:${field.key}`} title={fieldTitle} />
                    {assignment(chapter.key, field.id, fieldTitle)}
                    <PlaceThreads
                      conceptId={concept.id}
                      heading={tm("chapterThreads", { label: fieldTitle })}
                      threads={threads.get(`feld-${field.key}`) ?? []}
                      viewer={viewer}
                      members={members}
                      measures={Object.fromEntries(fieldMeasures.map((m) => [m.id, [m.code, m.title].filter(Boolean).join(" ")]))}
                    />
                    {template.fieldParts.map((fp) => (
                      <div className="part" key={fp.key}>
                        <HeadingWithAid
                          place={t("partLabel", { part: tt.fieldPartTitle(fp), field: fieldTitle })}
                          aidKey={fieldPartAidKey(fp.key)}
                          heading={<h4>{tt.fieldPartTitle(fp)}</h4>}
                        />
                        {doneMark(chapter.key, fp.key, field.id, t("partLabel", { part: tt.fieldPartTitle(fp), field: fieldTitle }))}
                        {fp.kind === "richText" ? (
                          part(
                            tree.sections.find((s) => s.fieldId === field.id && s.part === fp.key),
                            t("partLabel", { part: tt.fieldPartTitle(fp), field: fieldTitle }),
                            tt.fieldPartHint(fp),
                          )
                        ) : fp.kind === "subGoals" ? (
                          <SubGoalsEditor
                            conceptId={concept.id}
                            fieldId={field.id}
                            fieldTitle={fieldTitle}
                            subGoals={measuresByGoal(fieldGoals, fieldMeasures, fieldNumber)}
                            canEdit={canEdit}
                          />
                        ) : (
                          <>
                            <FieldMeasures
                              conceptId={concept.id}
                              fieldId={field.id}
                              fieldTitle={fieldTitle}
                              fieldNumber={fieldNumber}
                              measures={fieldMeasures.map(toMeasureView)}
                              subGoals={fieldGoals}
                              canEdit={canEdit}
                            />
                            <IndicatorOverview
                              fieldId={field.id}
                              fieldTitle={fieldTitle}
                              rows={indicatorOverview(fieldMeasures, fieldNumber)}
                            />
                          </>
                        )}
                      </div>
                    ))}
                    {isEmptyTree(fieldTree) ? null : (
                      <div className="part">
                        <GoalTree fieldId={field.id} tree={fieldTree} />
                      </div>
                    )}
                  </section>
                </HydrateLater>
              );
            })
          : null}
        {chapter.key === "fields" && canEdit ? <AddFieldForm conceptId={concept.id} /> : null}
      </section>
    </HydrateLater>
  );
});

/**
 * Every chapter after the first, in a boundary of its own (issue 17). Inside the body's boundary they held the
 * body back: React shows a streamed boundary only once all of it has arrived, so the first part was shown after
 * 472 KB of the 100-page concept's HTML instead of after 150 KB. They are rendered a moment later on purpose: the
 * body's forms suspend briefly on the server (React encodes their state for sending without script), and the
 * body is complete only when those have come back; rendered at once, these chapters were in line before them.
 */
export async function LaterChapters({ conceptId }: { conceptId: string }) {
  await new Promise((resolve) => setTimeout(resolve, BODY_FIRST_MS));
  const [render, { template, tree }] = await Promise.all([chapterRenderer(conceptId), conceptPageData(conceptId)]);
  const later = template.chapters.slice(1);
  return (
    <>
      {/* The gates find their chapters and fields when they hydrate: here, not in the body, these are in the page then. */}
      <HydrationGates ids={[...later.map((c) => `kapitel-${c.key}`), ...tree.fields.map((f) => `feld-${f.key}`)]}>
        {later.map((chapter, index) => render(chapter, index + 1))}
      </HydrationGates>
      {/* After the parts: their effects look for the parts, margins, threads and outline places in the document. */}
      <FragmentSettle />
      <AlignMargins />
      <FollowThreadLinks />
      <OutlinePosition />
    </>
  );
}

/** How long the later chapters let the body go first (a few turns of the server's event loop). */
const BODY_FIRST_MS = 20;
