import type { Metadata } from "next";
import { auditEntryPath } from "@/lib/review/links";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { KIND_KEYS } from "@/lib/audit/actions";
import { describeAudit, type AuditTranslate } from "@/lib/audit/describe";
import { auditQueryString, parseAuditQuery } from "@/lib/audit/filter";
import { readAuditPage } from "@/lib/audit/log";
import { auditNames } from "@/lib/audit/names";
import { isolate } from "@/lib/format";
import { activeMembership, pageActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/page";
import { getLabels, getTemplateText } from "@/lib/i18n/server";
import { ScrollBox } from "@/components/ui/scroll-box";

export const metadata: Metadata = { title: "Protokoll" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The municipality's audit log (admins): who did what and when as sentences,
 * without document content; filtered by concept, person, kind and period through
 * a plain GET form (works without JavaScript), a page of 50 at a time; CSV export
 * of the same selection.
 */
export default async function AuditPage({ searchParams }: Props) {
  const actor = await pageActor();
  const { active } = await activeMembership(actor);
  if (!active) redirect("/concepts");
  const query = parseAuditQuery(await searchParams);
  const log = await orNotFound(readAuditPage(actor, { municipalityId: active.municipalityId, query }), ["forbidden", "not_found"]);
  const t = await getTranslations("audit");
  const [format, labels, template, locale] = await Promise.all([getFormatter(), getLabels(), getTemplateText(), getLocale()]);
  // The sentence carries titles as users wrote them: isolated from the interface text around them.
  const names = { ...auditNames(labels, template, locale), userText: isolate };
  const translate = t as unknown as AuditTranslate;
  const filter = { conceptId: query.conceptId, actorId: query.actorId, kind: query.kind, from: query.from, to: query.to };
  const exportHref = `/api/audit?municipality=${active.municipalityId}&format=csv${auditQueryString(filter).replace("?", "&")}`;
  const sameName = (name: string) => log.people.filter((p) => p.name === name).length > 1;

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <h1>{t("title", { name: active.name })}</h1>
        <a className="button-secondary" href={exportHref} download>
          {t("export")}
        </a>
      </div>
      <p className="meta">{t("hint")}</p>

      <form method="get" action="/protokoll" className="card audit-filter" data-testid="audit-filter">
        <fieldset>
          <legend>{t("filter.legend")}</legend>
          <div className="audit-filter-fields">
            <div className="field">
              <label htmlFor="audit-concept">{t("filter.concept")}</label>
              <select id="audit-concept" name="konzept" defaultValue={query.conceptId ?? ""}>
                <option value="">{t("filter.allConcepts")}</option>
                {log.concepts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="audit-person">{t("filter.person")}</label>
              <select id="audit-person" name="person" defaultValue={query.actorId ?? ""}>
                <option value="">{t("filter.allPeople")}</option>
                {log.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {sameName(p.name) ? `${p.name} (${p.email})` : p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="audit-kind">{t("filter.kind")}</label>
              <select id="audit-kind" name="art" defaultValue={query.kind ?? ""}>
                <option value="">{t("filter.allKinds")}</option>
                {KIND_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="audit-from">{t("filter.from")}</label>
              <input id="audit-from" name="von" type="date" defaultValue={query.from ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="audit-to">{t("filter.to")}</label>
              <input id="audit-to" name="bis" type="date" defaultValue={query.to ?? ""} />
            </div>
          </div>
          <div className="actions-row">
            <button className="button" type="submit">
              {t("filter.submit")}
            </button>
            <IntentLink href="/protokoll">{t("filter.reset")}</IntentLink>
          </div>
        </fieldset>
      </form>

      {query.invalidDate ? <p className="form-error">{t("filter.invalidDate")}</p> : null}
      <p data-testid="audit-count">{t("count", { count: log.total })}</p>

      {log.entries.length === 0 ? (
        <p className="meta">{t("empty")}</p>
      ) : (
        <ScrollBox label={t("entry")}>
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("entry")}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((r) => (
                <tr key={r.id}>
                  <td className="audit-when">
                    <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                  </td>
                  <td>
                    {describeAudit({ action: r.action, actorName: r.actorName, conceptTitle: null, details: r.details }, translate, names)}
                    {r.conceptId && r.conceptTitle ? (
                      <>
                        {" – "}
                        <IntentLink href={auditEntryPath({ action: r.action, conceptId: r.conceptId, objectId: r.objectId })}>
                          <bdi>{r.conceptTitle}</bdi>
                        </IntentLink>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}

      {log.pages > 1 ? (
        <nav aria-label={t("pages")} className="actions-row audit-pages">
          {log.page > 1 ? (
            <IntentLink href={`/protokoll${auditQueryString({ ...filter, page: log.page - 1 })}`} rel="prev">
              {t("newer")}
            </IntentLink>
          ) : null}
          <span>{t("page", { page: log.page, pages: log.pages })}</span>
          {log.page < log.pages ? (
            <IntentLink href={`/protokoll${auditQueryString({ ...filter, page: log.page + 1 })}`} rel="next">
              {t("older")}
            </IntentLink>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
