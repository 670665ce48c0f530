import "server-only";
import type { Executor } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { countAdmins, deleteMembership, lockMunicipality, setRole } from "@/db/queries/members";
import { notifyRealtime } from "@/db/queries/realtime";
import { groupRolesFor, insertGroupMembership, membershipsForGroupSync } from "@/db/queries/sso";
import type { Role } from "@/db/schema";

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, admin: 3 };
/** More groups than any directory sends for one person are cut (the claim comes from outside). */
export const MAX_GROUPS = 1000;

/** The provider's groups claim as lower-cased names; null when the token carries none (then nothing changes). */
export function groupsFromClaim(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : null;
  if (!list) return null;
  const names = list.filter((g): g is string => typeof g === "string").map((g) => g.trim().toLowerCase()).filter((g) => g.length > 0 && g.length <= 256);
  return [...new Set(names)].slice(0, MAX_GROUPS);
}

/** Per municipality, the highest role any of the person's groups gives there. */
export function rolesFromGroups(mappings: { municipalityId: string; groupName: string; role: Role }[], groups: string[]): Map<string, Role> {
  const mine = new Set(groups);
  const out = new Map<string, Role>();
  for (const m of mappings) {
    if (!mine.has(m.groupName)) continue;
    const had = out.get(m.municipalityId);
    if (!had || RANK[m.role] > RANK[had]) out.set(m.municipalityId, m.role);
  }
  return out;
}

/**
 * At a sign-in through single sign-on: memberships follow the groups an admin mapped to roles.
 * - a mapped group and no membership → member with that role (marked as from a group)
 * - a membership from a group → its role follows the groups; without a mapped group any more it ends
 * - a membership an admin set by hand stays as it is (the admin's decision wins)
 * The last admin of a municipality is never demoted or removed this way.
 * Returns the municipalities whose membership changed.
 */
export async function syncGroupMemberships(tx: Executor, { userId, groups }: { userId: string; groups: string[] }): Promise<string[]> {
  const wanted = rolesFromGroups(await groupRolesFor({ groups }, tx), groups);
  const current = new Map((await membershipsForGroupSync({ userId }, tx)).map((m) => [m.municipalityId, m]));
  const changed: string[] = [];
  const record = (municipalityId: string, action: string, role: Role | null) =>
    recordAudit(tx, { municipalityId, actorId: userId, action, objectId: userId, details: { role, source: "sso_group" } });
  const lastAdmin = async (municipalityId: string) => {
    await lockMunicipality({ municipalityId }, tx);
    return (await countAdmins({ municipalityId }, tx)) <= 1;
  };

  for (const [municipalityId, role] of wanted) {
    const m = current.get(municipalityId);
    if (!m) {
      await insertGroupMembership({ userId, municipalityId, role }, tx);
      await record(municipalityId, "member.join_by_group", role);
    } else if (m.fromGroup && m.role !== role) {
      if (m.role === "admin" && (await lastAdmin(municipalityId))) continue;
      await setRole({ municipalityId, userId, role, fromGroup: true }, tx);
      await record(municipalityId, "member.role_by_group", role);
    } else continue;
    changed.push(municipalityId);
  }
  for (const m of current.values()) {
    if (!m.fromGroup || wanted.has(m.municipalityId)) continue;
    if (m.role === "admin" && (await lastAdmin(m.municipalityId))) continue;
    await deleteMembership({ municipalityId: m.municipalityId, userId }, tx);
    await record(m.municipalityId, "member.leave_by_group", null);
    changed.push(m.municipalityId);
  }
  // Open real-time connections re-check the person's access at once.
  if (changed.length) await notifyRealtime({ kind: "access", userId }, tx);
  return changed;
}
