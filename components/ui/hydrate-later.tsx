import { Suspense, type ReactNode } from "react";

/**
 * A boundary React hydrates after the rest of the page, at low priority and in slices (issue 17): on a long page
 * the head becomes live without waiting for every chapter after it. A click or a key in a
 * place not yet hydrated hydrates that place first (React does this itself). No fallback and nothing that waits:
 * the server's HTML stays as it is until then. `now` leaves the content in its parent's pass.
 */
export function HydrateLater({ now = false, children }: { now?: boolean; children: ReactNode }) {
  return now ? children : <Suspense fallback={null}>{children}</Suspense>;
}
