import "server-only";
import { Suspense } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import type { Section } from "@/db/schema";
import { can } from "@/lib/authz/permissions";
import { PresenceBar } from "@/components/editor/presence";
import { SharedToolbar, SharedToolbarColumn } from "@/components/editor/shared-toolbar";
import { OutlineNav } from "@/components/concept/outline-nav";
import { CheckPanel, openCount } from "@/components/check/check-panel";
import { StatusBadge, StepIndicator } from "@/components/concept/status-steps";
import { NextStepAction } from "@/components/versions/status-change";
import { PdfExport } from "@/components/concept/pdf-export";
import { Disclosure } from "@/components/ui/disclosure";
import { ConceptSearchForm } from "@/components/concept/concept-search-form";
import { openThreadsByAnchor } from "@/lib/review/margin";
import { formatDate } from "@/lib/format";
import { WorkflowRefresher } from "@/components/concept/workflow-live";
import { conceptPageData } from "./page-data";
import { chapterRenderer, LaterChapters } from "./chapters";
import { RoundSummary } from "@/components/review/round-panel";

/** The status and the next steps beside the concept's title (streamed after the title, issue 17). */
export async function ConceptStatus({ conceptId }: { conceptId: string }) {
  const { concept, role, steps } = await conceptPageData(conceptId);
  const ts = await getTranslations("status");
  return (
    <>
      <div className="actions-row" style={{ gap: ".5rem" }}>
        <StatusBadge steps={steps} testId="status-badge" />
      </div>
      <StepIndicator steps={steps} label={ts("stepsLabel")} />
      {can(role, "concept.changeStatus") && !concept.archivedAt ? <NextStepAction conceptId={concept.id} current={concept.status} next={steps.next} /> : null}
      <PresenceBar />
      <WorkflowRefresher />
    </>
  );
}

/**
 * The page's actions, right of the title. The two pages people go to most stay in view; the export and
 * everything else open on demand (issue 15).
 */
export async function ConceptActions({ conceptId }: { conceptId: string }) {
  const { concept, versions, check, openThreads } = await conceptPageData(conceptId);
  const t = await getTranslations("concept");
  return (
    <div className="actions-row concept-actions">
      <IntentLink className="button-secondary" href={`/concepts/${concept.id}/pruefung`}>
        {t("review", { open: openThreads })}
      </IntentLink>
      <IntentLink className="button-secondary" href={`/concepts/${concept.id}/versionen`}>
        {t("versions")}
      </IntentLink>
      <Disclosure kind="panel" label={t("export")} testId="export-panel">
        <PdfExport conceptId={concept.id} versions={versions.map((v) => ({ number: v.number, label: v.label, date: formatDate(v.createdAt) }))} />
      </Disclosure>
      <Disclosure label={t("moreActions")} testId="more-actions">
        <ul>
          <li>
            <a href="#konzept-check" data-testid="check-count">
              Konzept-Check ({openCount(check)})
            </a>
          </li>
          <li>
            <IntentLink href={`/concepts/${concept.id}/vergleich`}>{t("compare")}</IntentLink>
          </li>
          <li>
            <IntentLink href={`/concepts/${concept.id}/monitoring`} data-testid="monitoring-link">
              {t("monitoring")}
            </IntentLink>
          </li>
          <li>
            <a href={`/api/concepts/${concept.id}/export`} download>
              {t("download")}
            </a>
          </li>
          <li>
            <IntentLink href="/concepts">{t("allConcepts")}</IntentLink>
          </li>
        </ul>
      </Disclosure>
    </div>
  );
}

/**
 * Everything under the page's head: the check, the outline and every chapter with its parts. The chapters after
 * the first stream in a boundary of their own (chapters.tsx).
 */
export async function ConceptBody({ conceptId }: { conceptId: string }) {
  const { concept, readOnly, canEdit, suggest, template, tree, round, check, update, threads, outline } = await conceptPageData(conceptId);
  // (translators are not I/O: one after the other, in the form lib/i18n/messages.test.ts reads)
  const t = await getTranslations("concept");
  const tl = await getTranslations("conceptLifecycle");
  const ts = await getTranslations("status");
  const renderChapter = await chapterRenderer(conceptId);
  return (
    <>
      <ConceptSearchForm conceptId={concept.id} />
      {concept.status === "council_proposal" && canEdit ? (
        <p className="notice notice-warning" role="note" data-testid="council-notice">
          {ts("councilNotice")}
        </p>
      ) : null}
      {concept.archivedAt ? (
        <p className="notice" role="note" data-testid="archived-notice">
          {tl("archivedNotice")}
        </p>
      ) : readOnly ? (
        <p className="notice" role="note" data-testid="adopted-notice">
          {t("adoptedNotice")}
        </p>
      ) : null}
      {update ? (
        <p className="notice" role="note" data-testid="update-notice">
          {t("updateFromMonitoring", {
            ended: update.ended.length,
            // An indicator without a value yet has not missed its target: it is counted apart.
            missed: update.missed.filter((x) => x.latestParts).length,
            unmeasured: update.missed.filter((x) => !x.latestParts).length,
          })}{" "}
          <IntentLink href={`/concepts/${concept.id}/monitoring`}>{t("updateFromMonitoringLink")}</IntentLink>
        </p>
      ) : null}
      <RoundSummary round={round} />
      <CheckPanel conceptId={concept.id} result={check} canEdit={canEdit} />
      <div className="concept-layout">
        <OutlineNav entries={outline.entries} progress={outline.progress} parts={partsByAnchor(tree)} comments={openThreadsByAnchor(threads)} />
        <SharedToolbarColumn>
          {/* One formatting toolbar for the focused part, outside the parts (issues 15 and 17). */}
          {canEdit || suggest ? <SharedToolbar suggestMode={suggest ? (suggest.locked ? "locked" : "toggle") : undefined} /> : null}
          {/* The first chapter in this row, rendered with the rest of the body: the first part can be written in before
              the chapters after it are there. */}
          {renderChapter(template.chapters[0]!, 0)}
          <Suspense fallback={null}>
            <LaterChapters conceptId={concept.id} />
          </Suspense>
        </SharedToolbarColumn>
      </div>
    </>
  );
}

/** Outline anchor → the ids of the parts under it (for the presence marks in the outline). */
function partsByAnchor(tree: { sections: Section[]; fields: { id: string; key: string }[] }) {
  const anchors: Record<string, string[]> = {};
  for (const s of tree.sections) {
    const field = s.fieldId ? tree.fields.find((f) => f.id === s.fieldId) : null;
    const anchor = field ? `feld-${field.key}` : `kapitel-${s.chapter}`;
    (anchors[anchor] ??= []).push(s.id);
  }
  return anchors;
}
