/**
 * Personnel cost of a measure: VZÄ × cost rate per VZÄ and year.
 *
 * The rate is a municipality setting (Mitglieder → Personalkostensatz); a
 * measure may carry its own (e.g. another pay grade). Without a setting the
 * default below applies: 80.000 € per VZÄ and year, the order of magnitude of
 * a full-time post in the upper service (TVöD E 9c–E 11) including employer
 * contributions and a workplace share, as in the KGSt report "Kosten eines
 * Arbeitsplatzes". It is a placeholder for planning, stated under every
 * table; each municipality should enter its own current rate.
 */
export const DEFAULT_STAFF_COST_PER_FTE_CENTS = 8_000_000;

/** The rate that applies to a measure: its own, else the municipality's, else the default. */
export function effectiveRate(measureRate: number | null | undefined, municipalityRate: number | null | undefined): number {
  return measureRate ?? municipalityRate ?? DEFAULT_STAFF_COST_PER_FTE_CENTS;
}

/** Yearly personnel cost in cents: hundredths of VZÄ × rate (exact in BigInt, rounded half up to the cent). */
export function staffCostCents(fteHundredths: number, ratePerFteCents: number): number {
  const product = BigInt(fteHundredths) * BigInt(ratePerFteCents);
  return Number((product + 50n) / 100n);
}
