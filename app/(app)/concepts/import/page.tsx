import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ImportForm } from "@/components/concept/import-form";
import { activeMembership, currentActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { importConceptAction } from "./actions";

export const metadata: Metadata = { title: "Integrationskonzept importieren" };

export default async function ImportConceptPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const { active, all } = await activeMembership(actor);
  const allowed = all.filter((m) => can(m.role, "concept.import"));
  const preferred = allowed.find((m) => m.municipalityId === active?.municipalityId) ?? allowed[0];

  return (
    <div className="page page-narrow">
      <h1>Integrationskonzept importieren</h1>
      <p>
        Laden Sie eine Sicherung hoch, die Konzeptwerk beim Export als JSON-Datei erstellt hat. Daraus entsteht ein neues
        Integrationskonzept mit allen Texten, Teilzielen und Maßnahmen; bestehende Konzepte bleiben unverändert. Gibt es
        den Titel schon, erhält das neue Konzept den Zusatz „(Import)“.
      </p>
      {preferred ? (
        <ImportForm
          action={importConceptAction}
          municipalities={allowed.map((m) => ({ id: m.municipalityId, name: m.name }))}
          defaultMunicipalityId={preferred.municipalityId}
        />
      ) : (
        <p role="note">
          Sie dürfen keine Integrationskonzepte importieren. Das dürfen die Leitung und die Redaktion einer Kommune.
        </p>
      )}
    </div>
  );
}
