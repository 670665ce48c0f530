import { date, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { concepts } from "./concepts";

/**
 * Monitoring (issue 14): an observed value (Ist-Wert) of one indicator of a
 * measure, on a day, with its source. The indicator is named by its stable id
 * inside the measure's JSON (lib/measures/indicator-ids.ts), so a value outlives
 * an edit of the indicator; a value whose indicator was removed is kept but not
 * shown (a restore that brings the indicator back brings its values back).
 * Numeric where the value reads as a number, else text. Values of a deleted
 * measure stay (hidden) until the concept is deleted: restoring a version can
 * bring the measure back, and restoring the version before that restore must
 * bring back what it had.
 */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    // No foreign key, like a comment's: a measure removed by a restore and brought back by restoring the version before keeps its values.
    measureId: uuid("measure_id").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    /** the day the value describes ("Stichtag") */
    observedOn: date("observed_on").notNull(),
    /** the value as a number, when it reads as one ("1.250", "45 %"); else null and valueText holds it */
    valueNumber: numeric("value_number", { precision: 24, scale: 6 }),
    valueText: text("value_text").notNull().default(""),
    source: text("source").notNull().default(""),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("indicator_values_measure_idx").on(t.measureId, t.indicatorId, t.observedOn), index("indicator_values_concept_idx").on(t.conceptId)],
);

export type IndicatorValue = typeof indicatorValues.$inferSelect;

/** Implementation of a measure in one year (Umsetzungsstand), for the annual report: see lib/monitoring/year-status.ts. */
export const measureYearStatusEnum = pgEnum("measure_year_status_value", ["implemented", "partial", "not_implemented"]);

export const measureYearStatus = pgTable(
  "measure_year_status",
  {
    // No foreign key (see indicator_values): kept while the measure is gone, shown again when a restore brings it back.
    measureId: uuid("measure_id").notNull(),
    year: integer("year").notNull(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    status: measureYearStatusEnum("status").notNull(),
    note: text("note").notNull().default(""),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.year] }), index("measure_year_status_concept_idx").on(t.conceptId)],
);

export type MeasureYearStatus = typeof measureYearStatus.$inferSelect;
export type YearStatus = (typeof measureYearStatusEnum.enumValues)[number];

/**
 * A key figure of the Ausgangslage (Kennzahl, e.g. "Einwohner mit ausländischer
 * Staatsangehörigkeit") with its value of one year: context monitoring as a
 * table, typed by the office, not imported. One row per figure and year, so a
 * Fortschreibung shows the change (lib/key-figures/change.ts).
 */
export const keyFigures = pgTable(
  "key_figures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    /** the figure's name as the office writes it; rows of one figure share it exactly */
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    year: integer("year").notNull(),
    /** optional day the value describes within its year ("Stichtag 31.12.") */
    referenceDate: date("reference_date"),
    value: numeric("value", { precision: 24, scale: 6 }).notNull(),
    source: text("source").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("key_figures_concept_name_year_idx").on(t.conceptId, t.name, t.year)],
);

export type KeyFigure = typeof keyFigures.$inferSelect;
