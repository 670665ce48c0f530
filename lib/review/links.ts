/** Where a link about a thread or a round leads: the review page, scrolled to the thread's heading or to the rounds. */
export const threadPath = (conceptId: string, threadId: string) => `/concepts/${conceptId}/pruefung#thread-${threadId}`;
export const roundPath = (conceptId: string) => `/concepts/${conceptId}/pruefung#rounds-heading`;

/** The link of an in-app notification (mention, reply, round, reminder). */
export const notificationPath = (n: { conceptId: string; threadId: string | null; roundId: string | null }) =>
  n.threadId ? threadPath(n.conceptId, n.threadId) : roundPath(n.conceptId);
