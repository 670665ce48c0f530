import type { Role } from "@/db/schema";

/**
 * Who may do what, one row per action (DESIGN.md "Who uses it"). Every server
 * action and route handler asks `can(role, action)`; nothing else decides.
 */
export const PERMISSIONS = {
  "concept.read": ["admin", "editor", "reviewer", "viewer"],
  "concept.export": ["admin", "editor", "reviewer", "viewer"],
  "concept.create": ["admin", "editor"],
  "concept.import": ["admin", "editor"],
  "concept.editContent": ["admin", "editor"],
  "concept.editSettings": ["admin", "editor"],
  "concept.delete": ["admin"],
  "concept.changeStatus": ["admin"],
  /** make anyone with edit rights responsible for a chapter or field (editors may only enter themselves, see lib/concepts/assignments) */
  "concept.assign": ["admin"],
  "version.create": ["admin", "editor"],
  /** Ist-Werte and yearly implementation status (monitoring): also after adoption, the concept's content stays as decided */
  "monitoring.record": ["admin", "editor"],
  "version.restore": ["admin", "editor"],
  // Review: reviewers comment and answer review rounds; content and status stay out of their reach.
  "comment.create": ["admin", "editor", "reviewer"],
  /** propose changes in the text (Änderungsvorschläge): a reviewer's change is checked to be nothing but own proposals */
  "suggestion.propose": ["admin", "editor", "reviewer"],
  /** accept or reject anybody's proposal */
  "suggestion.decide": ["admin", "editor"],
  "comment.moderate": ["admin"],
  "review.manage": ["admin"],
  "review.answer": ["admin", "editor", "reviewer"],
  "audit.read": ["admin"],
  "members.read": ["admin"],
  "members.manage": ["admin"],
  "municipality.manageLogo": ["admin"],
  /** the personnel cost rate per VZÄ (chapter 7) */
  "municipality.manageSettings": ["admin"],
  /** see the peer comparison and browse the measure library */
  "peers.read": ["admin", "editor", "reviewer", "viewer"],
  /** decide whether the municipality contributes; share measures in the library */
  "peers.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const ROLES: readonly Role[] = ["admin", "editor", "reviewer", "viewer"];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Leitung (Administration)",
  editor: "Redaktion",
  reviewer: "Prüfung",
  viewer: "Lesezugriff",
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return !!role && (PERMISSIONS[action] as readonly Role[]).includes(role);
}
