/** A row of the isolation table (tests/integration/isolation.test.ts) and the role sets the rows name. */
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import type { Ids } from "@/tests/support/scenario";

export type Case = {
  module: string;
  fn: (...args: never[]) => unknown;
  kind: "read" | "write";
  /** roles of the same municipality that must get "forbidden" */
  forbidden: Role[];
  /** the call names objects inside a concept or municipality (measure, section, member …) */
  objectIds: boolean;
  run: (actor: Actor, ids: Ids) => Promise<unknown>;
  /** what the call returns when an allowed member makes it (proves the call itself is well-formed) */
  expectOk?: (result: unknown) => void;
};

export const CONTENT_WRITERS_ONLY: Role[] = ["reviewer", "viewer"];
export const proposedDeletion = (text: string, author: string) => ({ type: "text", text, marks: [{ type: "deletion", attrs: { id: "isolation1", author } }] });
export const ADMINS_ONLY: Role[] = ["editor", "reviewer", "viewer"];
export const EVERYONE_READS: Role[] = [];
export const COMMENTERS_ONLY: Role[] = ["viewer"];
