"use client";
import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { IntentLink } from "@/components/ui/intent-link";
import type { Place } from "@/lib/import/draft-merge";
import type { ImportReport } from "@/lib/import/mapping";
import type { MappingProposal } from "@/lib/import/service";
import { DraftImportReport, PlacesStep } from "./import-places";
import { Notice } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";

export type ImportFormState = {
  error: string | null;
  /** a document's proposed mapping: the step before anything is written */
  proposal?: MappingProposal;
  /** a document was imported: the new concept and what happened to the file's text */
  created?: { id: string; report: ImportReport };
  /** into a draft: the places the file fills, beside the draft's */
  places?: Place[];
  /** into a draft: what was taken, and the version that keeps the draft as it was */
  imported?: { conceptId: string; version: number; taken: Place[]; report: ImportReport };
};

/** Same limit as MAX_IMPORT_BYTES on the server; checked here only to answer before the upload. */
const MAX_BYTES = 20 * 1024 * 1024;

export type ImportFormProps = {
  action: (state: ImportFormState, form: FormData) => Promise<ImportFormState>;
  /** municipalities the user may import into; a choice is shown when there is more than one */
  municipalities: { id: string; name: string }[];
  defaultMunicipalityId: string;
  /** import into this existing draft, part by part (the Fortschreibung), instead of a new concept */
  into?: { conceptId: string; title: string };
};

type Block = MappingProposal["blocks"][number];

/**
 * Upload of a backup or a document. A backup is imported at once (the server
 * action redirects to it); a document first shows its headings as a tree, each
 * with a select of its place in the template, then the import report.
 */
export function ImportForm({ action, municipalities, defaultMunicipalityId, into }: ImportFormProps) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const [clientError, setClientError] = useState<string | null>(null);
  const t = useTranslations("import");
  const fileId = useId();
  const hintId = useId();
  const statusId = useId();
  const municipalityFieldId = useId();
  const error = clientError ?? state.error;
  const proposal = state.proposal;

  // Submitted by hand, not through the form's action prop: React resets a form
  // after its action, and the file must stay chosen for the mapping step.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_BYTES) {
      setClientError(t("tooLarge", { megabytes: MAX_BYTES / 1024 / 1024 }));
      return;
    }
    setClientError(null);
    startTransition(() => formAction(data));
  }

  if (state.created) return <ImportReportView id={state.created.id} report={state.created.report} />;
  if (state.imported) return <DraftImportReport {...state.imported} />;

  return (
    <form onSubmit={submit} className="form" aria-busy={pending}>
      {into ? (
        <input type="hidden" name="conceptId" value={into.conceptId} />
      ) : municipalities.length > 1 ? (
        <div className="form-field">
          <label htmlFor={municipalityFieldId}>{t("municipality")}</label>
          <select id={municipalityFieldId} name="municipalityId" defaultValue={defaultMunicipalityId} disabled={pending}>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="municipalityId" value={defaultMunicipalityId} />
      )}
      <div className="form-field">
        <label htmlFor={fileId}>
          {into ? t("fileDraft") : t("file")}
          <RequiredMark />
        </label>
        <input
          id={fileId}
          type="file"
          name="file"
          accept={into ? ".docx,.odt,.md,.markdown,.txt,.html,.htm,.xlsx,.csv" : ".json,application/json,.docx,.odt,.md,.markdown,.txt,.html,.htm,.xlsx,.csv"}
          required
          disabled={pending}
          aria-describedby={`${hintId} ${statusId}`}
          aria-invalid={error ? true : undefined}
          onChange={() => setClientError(null)}
        />
        <p id={hintId} className="form-hint">
          {into ? t("fileHintDraft") : t("fileHint")}
        </p>
      </div>
      {proposal ? <MappingStep proposal={proposal} disabled={pending} /> : null}
      {proposal && state.places ? <PlacesStep places={state.places} disabled={pending} /> : null}
      {proposal && into && !state.places ? (
        <button type="submit" name="step" value="review" className="button button-primary" disabled={pending}>
          {pending ? t("reading") : t("submitReview")}
        </button>
      ) : proposal && into ? (
        <>
          <button type="submit" name="step" value="import" className="button button-primary" disabled={pending}>
            {pending ? t("submitting") : t("submitPlaces")}
          </button>{" "}
          <button type="submit" name="step" value="review" className="button" disabled={pending}>
            {t("submitReviewAgain")}
          </button>
        </>
      ) : proposal ? (
        <button type="submit" name="step" value="import" className="button button-primary" disabled={pending}>
          {pending ? t("submitting") : t("submitMapping")}
        </button>
      ) : (
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      )}
      <div id={statusId}>
        <p className="form-status" role="status" aria-live="polite">
          {pending ? t("importing") : null}
        </p>
        <Notice message={error && !pending ? { kind: "error", text: error } : null} />
      </div>
    </form>
  );
}

function MappingStep({ proposal, disabled }: { proposal: MappingProposal; disabled: boolean }) {
  const t = useTranslations("import");
  const children = new Map<string | null, Block[]>();
  for (const b of proposal.blocks) children.set(b.parentId, [...(children.get(b.parentId) ?? []), b]);
  const groups = [...new Set(proposal.options.map((o) => o.group))];

  const tree = (parentId: string | null) => {
    const items = children.get(parentId) ?? [];
    if (!items.length) return null;
    return (
      <ul className="import-tree">
        {items.map((b) => (
          <li key={b.id}>
            <div className="form-field">
              <label htmlFor={`target-${b.id}`}>
                <strong>{b.level === 0 ? t("beforeFirstHeading") : b.title}</strong>{" "}
                <span className="form-hint">{t("blockWords", { words: b.words })}</span>
              </label>
              <select
                id={`target-${b.id}`}
                name={`target:${b.id}`}
                defaultValue={b.target}
                disabled={disabled}
                aria-describedby={b.preview ? `preview-${b.id}` : undefined}
              >
                {groups.map((g) => (
                  <optgroup key={g} label={g}>
                    {proposal.options
                      .filter((o) => o.group === g)
                      .map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
              {b.preview ? (
                <p id={`preview-${b.id}`} className="form-hint import-preview">
                  {b.preview}
                </p>
              ) : null}
            </div>
            {tree(b.id)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <section aria-labelledby="import-mapping-heading">
      <h2 id="import-mapping-heading">{t("mappingTitle")}</h2>
      <p>{t("mappingIntro", { title: proposal.title, words: proposal.wordsIn })}</p>
      {proposal.trackedChanges > 0 ? <p role="note">{t("trackedChanges", { count: proposal.trackedChanges })}</p> : null}
      {proposal.skipped.length > 0 ? <p role="note">{t("skippedNote", { count: proposal.skipped.length })}</p> : null}
      {tree(null)}
    </section>
  );
}

function ImportReportView({ id, report }: { id: string; report: ImportReport }) {
  const t = useTranslations("import");
  return (
    <section aria-labelledby="import-report-heading" role="status">
      <h2 id="import-report-heading">{t("reportTitle")}</h2>
      <p>{t("reportWords", { wordsIn: report.wordsIn, wordsPlaced: report.wordsPlaced })}</p>
      {report.unplaced.length > 0 ? (
        <>
          <p>{t("reportUnplaced")}</p>
          <ul>
            {report.unplaced.map((u, i) => (
              <li key={i}>
                {u.where}: {u.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.trackedChanges > 0 ? <p>{t("trackedChanges", { count: report.trackedChanges })}</p> : null}
      {report.skipped.length > 0 ? (
        <>
          <p>{t("reportSkipped", { count: report.skipped.length })}</p>
          <ul>
            {report.skipped.map((s, i) => (
              <li key={i}>
                {s.kind === "image" ? t("skippedImage", { where: s.where }) : t("skippedComment", { where: s.where, text: s.text ?? "" })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <IntentLink href={`/concepts/${id}`} className="button button-primary">
          {t("openConcept")}
        </IntentLink>
      </p>
    </section>
  );
}
