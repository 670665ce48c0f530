import { bulkDecision } from "../bulk-decision";

/** POST /api/concepts/:conceptId/suggestions/accept-all { sectionId?, authorId? } — accept all open proposals of a part, of one person, or both. */
export const POST = bulkDecision("accept");
