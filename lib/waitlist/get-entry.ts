import "server-only";
import type { Db } from "@/db/client";
import { entryForToken, entryIdForToken, loadEntryDto, type WaitlistEntryDto } from "./entry-dto";

/** The patient's own entry, by its manage token (404 for a wrong id or token). */
export async function getWaitlistEntry(
  db: Db,
  id: string,
  token: string | null,
  now = new Date(),
): Promise<WaitlistEntryDto> {
  await entryForToken(db, id, token);
  return loadEntryDto(db, id, now);
}

/** The manage page: the entry for a token alone, or null. */
export async function getWaitlistEntryByToken(db: Db, token: string, now = new Date()) {
  const id = await entryIdForToken(db, token);
  return id ? loadEntryDto(db, id, now) : null;
}
