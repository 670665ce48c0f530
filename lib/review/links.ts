/** Where a link about a thread or a round leads: the review page, scrolled to the thread's heading or to the rounds. */
export const threadPath = (conceptId: string, threadId: string) => `/concepts/${conceptId}/pruefung#thread-${threadId}`;
/** A round is answered on the concept page (its summary at the top, the answers under the headings). */
export const roundPath = (conceptId: string) => `/concepts/${conceptId}#pruefrunde`;

/** The link of an in-app notification (mention, reply, round, reminder). */
export const notificationPath = (n: { conceptId: string; threadId: string | null; roundId: string | null }) =>
  n.threadId ? threadPath(n.conceptId, n.threadId) : roundPath(n.conceptId);
