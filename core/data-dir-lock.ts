// One process per data dir: two servers on one dir would both take writes and show different
// clusters. The lock is SQLite's exclusive lock on <dir>/wheelhouse.lock (an fcntl/LockFileEx
// lock underneath), which the kernel drops when its process dies, so a kill -9 leaves no stale
// lock and a reused pid cannot look like the holder. Node has no flock of its own.
// The holder writes its pid beside the lock, only so that the next one can name it.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile, writePrivateFile } from './machinery/private-files';

export interface DataDirLock {
  /** Drops the lock; idempotent. */
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number | undefined,
  ) {
    const holder = holderPid === undefined ? 'another process' : `another Wheelhouse process (pid ${holderPid})`;
    super(`data directory ${dir} is in use by ${holder}; stop it first or use another data directory`);
    this.name = 'DataDirLockedError';
  }
}

/** Takes the data dir's lock at once, or throws DataDirLockedError naming the holder. */
export function lockDataDir(dir: string): DataDirLock {
  const lockFile = join(dir, 'wheelhouse.lock');
  const pidFile = join(dir, 'wheelhouse.pid');
  ensurePrivateFile(lockFile);
  // timeout 0: fail at once instead of waiting for the holder (better-sqlite3 waits 5s by default).
  const db = new Database(lockFile, { timeout: 0 });
  try {
    // In exclusive locking mode SQLite never gives back a lock it took, so the EXCLUSIVE lock
    // of this empty transaction is held until the connection closes.
    db.pragma('locking_mode = EXCLUSIVE');
    // Nothing is ever written: no journal file beside the lock.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirLockedError(dir, readPid(pidFile));
    throw e;
  }
  writePrivateFile(pidFile, `${process.pid}\n`);
  return {
    release() {
      if (!db.open) return;
      rmSync(pidFile, { force: true });
      db.close();
    },
  };
}

function readPid(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    // The holder has not written it yet, or has just released the lock.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}
