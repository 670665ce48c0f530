"use client";
import { useTranslations } from "next-intl";
import { isolatedList } from "@/lib/format";
import { initials, usePresence } from "./realtime";

/** Initials of everybody else in the concept, in the page header. */
export function PresenceBar() {
  const t = useTranslations("editor");
  const people = usePresence();
  if (people.length === 0) return null;
  const names = isolatedList(people.map((p) => p.name));
  return (
    <p className="presence-bar" aria-live="polite" data-testid="presence">
      <span className="visually-hidden">{t("presenceConcept", { names })}</span>
      {people.map((p) => (
        <span key={p.id} className={`presence-avatar collab-color-${p.color}`} title={p.name} aria-hidden="true">
          {initials(p.name)}
        </span>
      ))}
    </p>
  );
}

/** Who else is writing in this part right now. */
export function PartPresence({ sectionId }: { sectionId: string }) {
  const t = useTranslations("editor");
  const here = usePresence().filter((p) => p.sectionId === sectionId);
  if (here.length === 0) return null;
  return (
    <p className="part-presence" data-testid={`presence-${sectionId}`}>
      {here.map((p) => (
        <span key={p.id} className={`presence-avatar collab-color-${p.color}`} aria-hidden="true">
          {initials(p.name)}
        </span>
      ))}{" "}
      {t("presencePart", { names: isolatedList(here.map((p) => p.name)) })}
    </p>
  );
}

/** Initials in the outline beside a chapter or field of action somebody is writing in. */
export function OutlinePresence({ sectionIds }: { sectionIds: string[] }) {
  const t = useTranslations("editor");
  const here = usePresence().filter((p) => p.sectionId && sectionIds.includes(p.sectionId));
  if (here.length === 0) return null;
  return (
    <span className="outline-presence">
      <span className="visually-hidden">{t("presencePart", { names: isolatedList(here.map((p) => p.name)) })}</span>
      {here.map((p) => (
        <span key={p.id} className={`presence-avatar presence-small collab-color-${p.color}`} aria-hidden="true">
          {initials(p.name)}
        </span>
      ))}
    </span>
  );
}
