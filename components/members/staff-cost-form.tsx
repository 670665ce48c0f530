"use client";
import { useActionState, useId } from "react";
import { staffCostRateAction } from "@/app/(app)/mitglieder/rate-actions";
import { Notice, stateNotice } from "@/components/ui/notice";

/** The municipality's personnel cost per VZÄ and year, for the funding overviews (admins). */
export function StaffCostForm({ municipalityId, current, defaultRate }: { municipalityId: string; current: string; defaultRate: string }) {
  const [state, action, pending] = useActionState(staffCostRateAction, null);
  const id = useId();
  return (
    <form action={action} className="form" aria-busy={pending}>
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <div className="form-field">
        <label htmlFor={`${id}-rate`}>Personalkosten pro VZÄ und Jahr (EUR)</label>
        <input id={`${id}-rate`} name="rate" defaultValue={current} inputMode="decimal" maxLength={40} aria-describedby={`${id}-hint ${id}-status`} />
        <p className="form-hint" id={`${id}-hint`}>
          Mit diesem Satz rechnet Konzeptwerk die Personalkosten der Maßnahmen (VZÄ × Satz). Leer: Voreinstellung {defaultRate} (Größenordnung nach der
          KGSt-Übersicht „Kosten eines Arbeitsplatzes“). Bitte den aktuellen Satz Ihrer Kommune eintragen.
        </p>
      </div>
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Wird gespeichert …" : "Satz speichern"}
        </button>
      </div>
      <Notice id={`${id}-status`} message={stateNotice(state, pending)} />
    </form>
  );
}
