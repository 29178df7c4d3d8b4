// The data dir holds the cluster's keys, admin token and state: owner-only (dirs 0700, files
// 0600) whatever the umask, and whatever an older version or the user left there before.
// Modes are set with chmod after creation because the mode given to open/mkdir is masked by
// the umask and ignored for a file or dir that already exists. In machinery, the lowest layer,
// because the store, the API server's keys and the cluster's own files all need it.
import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Creates dir (and missing parents) if needed and makes it owner-only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

/** Writes file owner-only; an existing file is made private before the new text goes in. */
export function writePrivateFile(file: string, data: string | Buffer): void {
  const fd = openSync(file, 'w', FILE_MODE);
  try {
    fchmodSync(fd, FILE_MODE);
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates file empty if it is missing, and makes it owner-only. SQLite creates a database's
 * -wal, -shm and -journal files with the database file's mode, so a database file made this
 * way before SQLite opens it keeps all of them private.
 */
export function ensurePrivateFile(file: string): void {
  const fd = openSync(file, 'a', FILE_MODE);
  try {
    fchmodSync(fd, FILE_MODE);
  } finally {
    closeSync(fd);
  }
}

/** Makes every dir under (and including) dir 0700 and every file 0600; symlinks are left alone. */
export function tightenTree(dir: string): void {
  chmodSync(dir, DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tightenTree(path);
    else if (entry.isFile()) chmodSync(path, FILE_MODE);
  }
}
