import "server-only";
import { notFound } from "next/navigation";
import { AppError, type ErrorCode } from "@/lib/errors";

/**
 * A page's data, or Next's 404 page when the domain says the object is not
 * there for this user (another municipality's ids look exactly like missing ones).
 */
export async function orNotFound<T>(work: Promise<T>, codes: readonly ErrorCode[] = ["not_found"]): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && codes.includes(error.code)) notFound();
    throw error;
  }
}
