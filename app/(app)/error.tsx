"use client";
import { UnexpectedError } from "@/components/ui/unexpected-error";

/** Errors of a page inside the signed-in shell: header and navigation stay usable. */
export default function AppErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <UnexpectedError error={error} retry={retry} />;
}
