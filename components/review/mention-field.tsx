"use client";
import { useCallback, useState } from "react";
import { mentionCandidatesAction } from "@/app/(app)/concepts/[conceptId]/pruefung/actions";
import type { Member } from "@/lib/review/comment-text";
import { MentionInput, type MentionInputProps } from "./mention-input";

// The members of a concept's municipality, loaded once per page when someone first types "@".
const loaded = new Map<string, Promise<Member[]>>();
function loadMembers(conceptId: string): Promise<Member[]> {
  let p = loaded.get(conceptId);
  if (!p) {
    p = mentionCandidatesAction({ conceptId }).then((r) => (r.ok ? r.data : []));
    loaded.set(conceptId, p);
    // A failed load is tried again on the next "@".
    void p.then((list) => list.length || loaded.delete(conceptId));
  }
  return p;
}

/**
 * A comment's text field with the @ member picker (MentionInput). The members
 * come from the page when it has them (the review page), otherwise from a
 * server action the first time the text holds an "@", so a page that only
 * shows comment boxes carries no member list.
 */
export function MentionField({ conceptId, members: given, ...rest }: Omit<MentionInputProps, "members" | "onNeedMembers"> & { conceptId: string; members?: Member[] }) {
  const [members, setMembers] = useState<Member[] | null>(given ?? null);
  const need = useCallback(() => void loadMembers(conceptId).then(setMembers), [conceptId]);
  return <MentionInput {...rest} members={given ?? members} onNeedMembers={need} />;
}
