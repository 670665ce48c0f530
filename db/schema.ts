/**
 * The schema, one file per table group under db/schema/ (drizzle.config.ts reads
 * this file): tables, relations, inferred types.
 */
export * from "./schema/accounts";
export * from "./schema/municipalities";
export * from "./schema/concepts";
export * from "./schema/versions";
export * from "./schema/peers";
export * from "./schema/review";
export * from "./schema/audit";
export * from "./schema/realtime";
export * from "./schema/check";
export * from "./schema/progress";
export * from "./schema/suggestions";
export * from "./schema/monitoring";
