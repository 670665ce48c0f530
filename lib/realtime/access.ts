import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { decode } from "next-auth/jwt";
import { getConceptById, isUuid } from "@/db/queries/concepts";
import { getSectionMeta } from "@/db/queries/sections";
import { getMembership, getSessionUser } from "@/db/queries/users";
import { can } from "@/lib/authz/permissions";
import { isReadOnly } from "@/lib/concepts/access";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/** The Auth.js session id in the cookie of a WebSocket upgrade (the same cookie the pages read). */
export async function sessionIdFromHeaders(headers: IncomingHttpHeaders): Promise<string | null> {
  const cookies = new Map<string, string>();
  for (const part of (headers.cookie ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) cookies.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = cookies.get(name);
    if (!token) continue;
    try {
      const jwt = await decode({ token, secret, salt: name });
      if (jwt && typeof jwt.sid === "string") return jwt.sid;
    } catch {
      return null;
    }
  }
  return null;
}

/** What a document name stands for: one part's text, or the concept's presence channel. */
export type DocTarget = { kind: "section"; sectionId: string } | { kind: "presence"; conceptId: string };

export function parseDocumentName(name: string): DocTarget | null {
  const [kind, id, ...rest] = name.split(":");
  if (rest.length || !id || !isUuid(id)) return null;
  if (kind === "section") return { kind, sectionId: id };
  if (kind === "presence") return { kind, conceptId: id };
  return null;
}

export type ConnectionContext = {
  userId: string;
  userName: string;
  sessionId: string;
  conceptId: string;
  municipalityId: string;
  sectionId: string | null;
  readOnly: boolean;
  /** a reviewer: may write, but only proposals of their own (checked per update, lib/suggestions/guard.ts) */
  suggestOnly: boolean;
};

export type AccessDecision = { ok: true; context: ConnectionContext } | { ok: false; reason: string };

/**
 * Who may open a document, checked on connect and again whenever access
 * changes: a live session, membership of the concept's municipality (another
 * municipality's documents look like missing ones), write access only for
 * editors and admins of a concept that is neither adopted nor archived, and
 * proposals only (suggest-only) for reviewers of such a concept.
 */
export async function decideAccess(sessionId: string | null, target: DocTarget): Promise<AccessDecision> {
  if (!sessionId) return { ok: false, reason: "Nicht angemeldet." };
  const user = await getSessionUser({ sessionId });
  if (!user) return { ok: false, reason: "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich neu an." };
  let conceptId: string;
  let sectionId: string | null = null;
  if (target.kind === "section") {
    const section = await getSectionMeta({ sectionId: target.sectionId });
    if (!section) return { ok: false, reason: "Diesen Abschnitt gibt es nicht." };
    conceptId = section.conceptId;
    sectionId = section.id;
  } else {
    conceptId = target.conceptId;
  }
  const concept = await getConceptById({ id: conceptId });
  // A concept marked for deletion is served to nobody: exactly like a missing one.
  if (!concept || concept.deleteAfter) return { ok: false, reason: "Diesen Abschnitt gibt es nicht." };
  const membership = await getMembership({ userId: user.id, municipalityId: concept.municipalityId });
  if (!membership || !can(membership.role, "concept.read")) return { ok: false, reason: "Diesen Abschnitt gibt es nicht." };
  return {
    ok: true,
    context: {
      userId: user.id,
      userName: user.name,
      sessionId,
      conceptId,
      municipalityId: concept.municipalityId,
      sectionId,
      readOnly: !can(membership.role, "suggestion.propose") || isReadOnly(concept),
      suggestOnly: !can(membership.role, "concept.editContent"),
    },
  };
}
