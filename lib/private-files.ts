// Files under DATA_DIR hold patients' data (the embedded database, the development outbox with its manage links) and
// keys: only the app's own user may read or write them, whatever the process umask (finding 9).
import { chmodSync, mkdirSync } from "node:fs";
import { chmod, mkdir, writeFile } from "node:fs/promises";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Makes `dir` (and any missing parents) and leaves it 0700, tightening one made earlier with a looser mode. */
export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

/** Writes a file readable and writable by the owner only (the mode is set again: a umask can only narrow it). */
export async function writePrivateFile(file: string, data: string | Uint8Array): Promise<void> {
  await writeFile(file, data, { mode: PRIVATE_FILE_MODE });
  await chmod(file, PRIVATE_FILE_MODE);
}
