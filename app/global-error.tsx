"use client";
import { UnexpectedError } from "@/components/ui/unexpected-error";

/** An error in the root layout itself: replaces the whole document, so it brings its own html and body (and no stylesheet). */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="de">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem auto", maxWidth: "40rem", padding: "0 1rem" }}>
        <title>Fehler · Konzeptwerk</title>
        <main id="main">
          <UnexpectedError error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
