import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/auth/session";
import { requireConcept } from "@/lib/concepts/access";
import { FIELD_TITLES } from "@/lib/peers/anonymity";
import { isGroupChoice, type GroupChoice } from "@/lib/peers/groups";
import { browseLibrary, listShareableMeasures } from "@/lib/peers/library";
import { FIELD_KEYS } from "@/lib/peers/metrics";
import { listTakeTargets } from "@/lib/peers/take-measure";
import { can } from "@/lib/authz/permissions";
import { ShareMeasure } from "@/components/peers/share-measure";
import { TakeMeasure } from "@/components/peers/take-measure";
import { orNotFound } from "@/lib/http/page";
import { requestDomainText } from "@/lib/i18n/domain-server";
import { getTemplateText } from "@/lib/i18n/server";
import { withClientMessages } from "@/components/i18n/with-client-messages";

type Props = { params: Promise<{ conceptId: string }>; searchParams: Promise<{ feld?: string; gruppe?: string }> };

const GROUP_CHOICES: GroupChoice[] = ["own", "level", "all"];

async function load(conceptId: string) {
  const actor = await pageActor();
  return { actor, ...(await orNotFound(requireConcept(actor, conceptId, "peers.read"))) };
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("library");
  return { title: t("title") };
}

export default withClientMessages(["form", "library"], async function LibraryPage({ params, searchParams }: Props) {
  const { conceptId } = await params;
  const { feld, gruppe } = await searchParams;
  const group: GroupChoice = isGroupChoice(gruppe) ? gruppe : "all";
  const fieldKey = feld && [...FIELD_KEYS, "other"].includes(feld) ? feld : "";
  const { actor, concept, role } = await load(conceptId);
  const entries = await browseLibrary(actor, { conceptId, fieldKey: fieldKey || undefined, group });
  const own = role === "admin" ? await listShareableMeasures(actor, { conceptId }) : null;
  const targets = await listTakeTargets(actor, { conceptId });
  const mayTake = can(role, "concept.editContent");
  const t = await getTranslations("library");
  const [dt, tt] = await Promise.all([requestDomainText(), getTemplateText()]);
  const fieldTitle = (k: string) => (FIELD_TITLES[k] ? tt.fieldTitle({ key: k, title: FIELD_TITLES[k] }) : t("ownField"));

  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1 style={{ marginBottom: ".25rem" }}>{t("title")}</h1>
          <p className="meta">{t("intro")}</p>
        </div>
        <IntentLink className="button-secondary" href={`/concepts/${concept.id}/vergleich`}>
          {t("backToComparison")}
        </IntentLink>
      </div>

      <form method="get" className="actions-row" aria-label={t("filter")} style={{ alignItems: "end", marginBottom: "1rem" }}>
        <div className="field">
          <label htmlFor="lib-feld">{t("field")}</label>
          <select id="lib-feld" name="feld" defaultValue={fieldKey}>
            <option value="">{t("allFields")}</option>
            {FIELD_KEYS.map((k) => (
              <option key={k} value={k}>
                {fieldTitle(k)}
              </option>
            ))}
            <option value="other">{t("ownFields")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="lib-gruppe">{t("group")}</label>
          <select id="lib-gruppe" name="gruppe" defaultValue={group}>
            {GROUP_CHOICES.map((g) => (
              <option key={g} value={g}>
                {t(`groups.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          {t("show")}
        </button>
      </form>

      <section aria-labelledby="lib-results-h">
        <h2 id="lib-results-h">
          {fieldKey ? t("countInField", { count: entries.length, field: fieldTitle(fieldKey) }) : t("count", { count: entries.length })}
        </h2>
        {entries.length === 0 ? <p className="meta">{t("empty")}</p> : null}
        {mayTake && entries.length > 0 ? (
          <p className="meta">
            {targets.length ? t("takeHint") : t("takeNeedsConcept")}
          </p>
        ) : null}
        <ul className="library-list" style={{ listStyle: "none", padding: 0, display: "grid", gap: ".75rem" }}>
          {entries.map((e) => (
            <li key={e.id} className="card" data-testid="library-entry">
              <h3 style={{ marginTop: 0 }}>
                <bdi>{e.title}</bdi>
              </h3>
              <p className="meta">
                {fieldTitle(e.fieldKey)} · {t("sharedBy", { contributor: dt(e.contributor) })}
              </p>
              {e.description ? <p style={{ whiteSpace: "pre-line" }}>{e.description}</p> : null}
              {targets.length ? <TakeMeasure entry={{ id: e.id, title: e.title, fieldKey: e.fieldKey }} targets={targets} /> : null}
            </li>
          ))}
        </ul>
      </section>

      {own ? (
        <section aria-labelledby="lib-share-h" style={{ marginTop: "2rem" }}>
          <h2 id="lib-share-h">{t("shareHeading")}</h2>
          <p>{t("shareIntro")}</p>
          {own.length === 0 ? <p className="meta">{t("noOwnMeasures")}</p> : null}
          {own.map((m) => (
            <ShareMeasure key={m.id} conceptId={concept.id} measure={m} />
          ))}
        </section>
      ) : null}
    </>
  );
});
