import { AppError } from "@/lib/errors";

/** A file the import refuses, with the German reason; nothing is written. */
export const refuse = (message: string) => new AppError("bad_request", message);
