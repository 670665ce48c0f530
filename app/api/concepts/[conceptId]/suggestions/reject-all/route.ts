import { bulkDecision } from "../bulk-decision";

/** POST /api/concepts/:conceptId/suggestions/reject-all { sectionId?, authorId? } — reject all open proposals of a part, of one person, or both. */
export const POST = bulkDecision("reject");
