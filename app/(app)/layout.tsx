import Link from "next/link";
import { redirect } from "next/navigation";
import { activeMembership, currentActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { logout, switchMunicipality } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const { active, all } = await activeMembership(actor);
  return (
    <>
      <header className="shell-header">
        <Link href="/concepts" className="brand">
          Konzeptwerk
        </Link>
        <nav aria-label="Hauptnavigation">
          <ul>
            <li>
              <Link href="/concepts">Integrationskonzepte</Link>
            </li>
            {active?.role === "admin" ? (
              <li>
                <Link href="/mitglieder">Mitglieder</Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <span className="spacer" />
        {all.length > 1 ? (
          <form action={switchMunicipality} className="actions-row">
            <label htmlFor="municipality-switch" className="visually-hidden">
              Kommune wählen
            </label>
            <select id="municipality-switch" name="municipalityId" defaultValue={active?.municipalityId}>
              {all.map((m) => (
                <option key={m.municipalityId} value={m.municipalityId}>
                  {m.name}
                </option>
              ))}
            </select>
            <button className="button-secondary" type="submit">
              Wechseln
            </button>
          </form>
        ) : active ? (
          <span className="who">{active.name}</span>
        ) : null}
        <span className="who">
          {actor.name}
          {active ? ` · ${ROLE_LABELS[active.role]}` : ""}
        </span>
        <form action={logout}>
          <button className="button-secondary" type="submit">
            Abmelden
          </button>
        </form>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
