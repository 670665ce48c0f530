"use client";
import { UnexpectedError } from "@/components/ui/unexpected-error";

/** Errors of every page below the root layout (including the signed-in shell's own layout). */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main">
      <UnexpectedError error={error} retry={retry} />
    </main>
  );
}
