"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { changeStatusAction, createVersionAction, restoreVersionAction } from "@/app/(app)/concepts/[conceptId]/versionen/actions";
import { CONCEPT_STATUSES, STATUS_LABELS, type ConceptStatus } from "@/lib/concepts/status";

type Message = { kind: "ok" | "error"; text: string } | null;

function Status({ id, message }: { id: string; message: Message }) {
  return (
    <p id={id} className={message?.kind === "error" ? "error" : "form-status"} role="status" aria-live="polite">
      {message?.text}
    </p>
  );
}

/** "Version speichern" with an optional label. */
export function CreateVersionForm({ conceptId }: { conceptId: string }) {
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      className="actions-row"
      aria-labelledby="create-version-heading"
      action={(form) =>
        start(async () => {
          const result = await createVersionAction({ conceptId, label: String(form.get("label") ?? "") });
          if (result.ok) {
            setMessage({ kind: "ok", text: `Version ${result.data.number} wurde gespeichert.` });
            (document.getElementById("version-label") as HTMLInputElement | null)?.form?.reset();
            router.refresh();
          } else setMessage({ kind: "error", text: result.fieldErrors?.label ?? result.error });
        })
      }
    >
      <div className="field" style={{ minWidth: "22rem", flex: 1 }}>
        <label htmlFor="version-label">Bezeichnung der Version</label>
        <input
          id="version-label"
          name="label"
          type="text"
          maxLength={200}
          placeholder="z. B. Entwurf für den Sozialausschuss"
          aria-describedby="version-label-hint create-version-status"
          aria-invalid={message?.kind === "error" ? true : undefined}
        />
        <span id="version-label-hint" className="hint">
          Hält den jetzigen Stand aller Kapitel und Maßnahmen unveränderlich fest. Ohne Bezeichnung heißt sie „Version n“.
        </span>
      </div>
      <button type="submit" className="button" disabled={pending} style={{ alignSelf: "center" }}>
        {pending ? "Wird gespeichert …" : "Version speichern"}
      </button>
      <Status id="create-version-status" message={message} />
    </form>
  );
}

/** Restore with an inline confirmation (no browser dialog, keyboard friendly). */
export function RestoreButton({ conceptId, number, label }: { conceptId: string; number: number; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const statusId = `restore-status-${number}`;
  if (!confirming) {
    return (
      <>
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          Wiederherstellen<span className="visually-hidden"> Version {number}</span>
        </button>
        <Status id={statusId} message={message} />
      </>
    );
  }
  return (
    <div role="group" aria-label={`Version ${number} wiederherstellen`} className="restore-confirm">
      <p>
        Version {number} „{label}“ wiederherstellen? Der aktuelle Entwurf wird vorher als eigene Version gesichert; Sie können die
        Wiederherstellung also rückgängig machen.
      </p>
      <div className="actions-row">
        <button
          type="button"
          className="button"
          disabled={pending}
          autoFocus
          onClick={() =>
            start(async () => {
              const result = await restoreVersionAction({ conceptId, number });
              setConfirming(false);
              if (result.ok) {
                setMessage({ kind: "ok", text: `Version ${number} wurde wiederhergestellt. Der vorherige Stand ist als Version ${result.data.backup} gesichert.` });
                router.refresh();
              } else setMessage({ kind: "error", text: result.error });
            })
          }
        >
          {pending ? "Wird wiederhergestellt …" : "Ja, wiederherstellen"}
        </button>
        <button type="button" className="button-secondary" disabled={pending} onClick={() => setConfirming(false)}>
          Abbrechen
        </button>
      </div>
    </div>
  );
}

/** Status change (admins): creates a version with the new status. */
export function StatusForm({ conceptId, current }: { conceptId: string; current: string }) {
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const options = CONCEPT_STATUSES.filter((s) => s !== current);
  return (
    <form
      className="actions-row"
      action={(form) =>
        start(async () => {
          const status = String(form.get("status") ?? "") as ConceptStatus;
          const result = await changeStatusAction({ conceptId, status });
          if (result.ok) {
            setMessage({ kind: "ok", text: `Status „${STATUS_LABELS[status]}“ gesetzt; Version ${result.data.number} wurde angelegt.` });
            router.refresh();
          } else setMessage({ kind: "error", text: result.fieldErrors?.status ?? result.error });
        })
      }
    >
      <div className="field">
        <label htmlFor="new-status">Neuer Status</label>
        <select id="new-status" name="status" defaultValue={options[0]}>
          {options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-secondary" disabled={pending} style={{ alignSelf: "end" }}>
        {pending ? "Wird geändert …" : "Status ändern"}
      </button>
      <Status id="status-change-status" message={message} />
    </form>
  );
}
