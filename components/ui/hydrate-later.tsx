import { Suspense, type ReactNode } from "react";
import { HydrationGate } from "./hydration-gate";

/**
 * A boundary React hydrates after the rest of the page, at low priority and in slices (issue 17): on a long page
 * the head becomes live without waiting for every chapter after it. A click or a key in a
 * place not yet hydrated hydrates that place first (React does this itself). No fallback and nothing that waits:
 * the server's HTML stays as it is until then. `now` leaves the content in its parent's pass. `gate` (the id of
 * the element inside) holds the hydration until that element comes near or someone acts in it (hydration-gate.tsx,
 * under a HydrationGates naming it).
 */
export function HydrateLater({ now = false, gate, children }: { now?: boolean; gate?: string; children: ReactNode }) {
  if (now) return children;
  return <Suspense fallback={null}>{gate ? <HydrationGate id={gate}>{children}</HydrationGate> : children}</Suspense>;
}
