import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { activeMembership, pageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { readAuditLog } from "@/lib/review/inbox";
import { orNotFound } from "@/lib/http/page";

export const metadata: Metadata = { title: "Protokoll" };

/** The municipality's audit log (admins): who did what and when, without document content; CSV export. */
export default async function AuditPage() {
  const actor = await pageActor();
  const { active } = await activeMembership(actor);
  if (!active) redirect("/concepts");
  const rows = await orNotFound(readAuditLog(actor, { municipalityId: active.municipalityId, limit: 300 }), ["forbidden", "not_found"]);
  const t = await getTranslations("audit");
  return (
    <>
      <div className="actions-row" style={{ justifyContent: "space-between" }}>
        <h1>{t("title", { name: active.name })}</h1>
        <a className="button-secondary" href={`/api/audit?municipality=${active.municipalityId}&format=csv`} download>
          {t("export")}
        </a>
      </div>
      <p className="meta">{t("hint")}</p>
      <div className="table-scroll">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("object")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.actorName ?? "–"}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.objectId ? <code>{r.objectId}</code> : null} {Object.keys(r.details).length ? <span className="meta">{JSON.stringify(r.details)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
