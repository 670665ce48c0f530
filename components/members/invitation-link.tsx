"use client";
import { useRef, useState } from "react";

/** The new invitation's link, shown once: the token is not stored, so it cannot be shown again. */
export function InvitationLink({ url, email }: { url: string; email: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Der Link ist in der Zwischenablage.");
    } catch {
      // No clipboard access (e.g. plain http): select the text so Strg+C copies it.
      input.current?.focus();
      input.current?.select();
      setStatus("Kopieren ging nicht automatisch. Der Link ist markiert: Bitte kopieren Sie ihn mit Strg+C.");
    }
  }

  return (
    <div className="card" style={{ marginTop: "1rem" }}>
      <div className="field">
        <label htmlFor="invitation-link">Einladungslink für {email}</label>
        <p id="invitation-link-note" className="hint">
          Ohne Mailserver: Bitte geben Sie diesen Link an die eingeladene Person weiter. Er ist 7 Tage gültig.
        </p>
        <input
          ref={input}
          id="invitation-link"
          type="text"
          readOnly
          value={url}
          aria-describedby="invitation-link-note"
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="actions-row" style={{ marginTop: ".5rem" }}>
        <button className="button-secondary" type="button" onClick={copy}>
          Link kopieren
        </button>
        <span aria-live="polite" role="status" className="meta">
          {status}
        </span>
      </div>
      <p className="meta">Der Link wird nur jetzt angezeigt. Geht er verloren, laden Sie die Person einfach erneut ein; der alte Link verliert dann seine Gültigkeit.</p>
    </div>
  );
}
