// The SQLite store's tables, and the migrations that bring an older data dir up to them.
// PRAGMA user_version records which layout a file has; each migration runs in one transaction,
// so a crash part-way leaves the file as it was.
import type Database from 'better-sqlite3';

/**
 * kv is a rowid table without an index on key: rows append in rowid order, and the store keeps
 * which row holds each key in memory (sqlite-store.ts). Its first layout was WITHOUT ROWID,
 * keyed by key, so each row (a whole object, hundreds of bytes) sat in the key's B-tree and
 * writes to scattered keys dirtied a leaf page each and split them often; the second kept a
 * unique index on key, whose scattered entries still cost a page each. Versions by user_version.
 */
const KV_TABLE = `
  CREATE TABLE kv (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    create_rev INTEGER NOT NULL,
    mod_rev INTEGER NOT NULL
  );
`;

const META_TABLE = `
  CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  INSERT INTO meta (name, value) VALUES ('revision', 0);
`;

/**
 * Brings kv from any older layout (1: WITHOUT ROWID, 2: a unique key index) to the current one
 * in one copy: they all have the same columns, so stepping through 2 would copy every row twice.
 */
const REBUILD_KV = `
  ALTER TABLE kv RENAME TO kv_old;
  ${KV_TABLE}
  INSERT INTO kv (key, value, create_rev, mod_rev) SELECT key, value, create_rev, mod_rev FROM kv_old ORDER BY key;
  DROP TABLE kv_old;
`;

export const SCHEMA_VERSION = 3;

const hasTable = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Creates the tables in a new file, or migrates an older one; refuses a newer one. */
export function openSchema(db: Database.Database): void {
  db.transaction(() => {
    let version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      // Files from before versioning have the version 1 tables; new files get the current ones.
      if (!hasTable(db, 'kv')) {
        db.exec(KV_TABLE + META_TABLE);
        version = SCHEMA_VERSION;
      } else version = 1;
    }
    if (version > SCHEMA_VERSION) {
      throw new Error(`the data dir was written by a newer Wheelhouse (store schema ${version}; this one knows up to ${SCHEMA_VERSION})`);
    }
    if (version < SCHEMA_VERSION) db.exec(REBUILD_KV);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
