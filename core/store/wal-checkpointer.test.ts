import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpointer } from './wal-checkpointer';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function database() {
  const dir = mkdtempSync(join(tmpdir(), 'wh-ckpt-'));
  dirs.push(dir);
  const file = join(dir, 'db.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO kv VALUES (?, ?)');
  for (let i = 0; i < 2000; i++) insert.run(`key-${i}`, 'x'.repeat(500));
  return { db, file };
}

describe('WalCheckpointer', () => {
  it('copies the WAL into the database file from its own thread, and closes cleanly', async () => {
    const { db, file } = database();
    const before = statSync(file).size;
    const ckpt = new WalCheckpointer(file);
    await Promise.all([ckpt.request(), ckpt.request(), ckpt.request()]);
    expect(statSync(file).size).toBeGreaterThan(before + 500_000);
    // Nothing is left for a checkpoint on this connection to copy.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
    expect(result!.checkpointed).toBe(result!.log);
    await ckpt.close();
    await ckpt.request();
    db.close();
    const reopened = new Database(file, { readonly: true });
    expect((reopened.prepare('SELECT count(*) AS n FROM kv').get() as { n: number }).n).toBe(2000);
    reopened.close();
  });

  it('keeps the process alive while it closes: a program whose last step is closing the store exits cleanly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-ckpt-'));
    dirs.push(dir);
    // Node exits with 13 when the event loop empties while a top-level await is pending.
    const script = `
      import { SqliteStore } from ${JSON.stringify(join(import.meta.dirname, 'sqlite-store.ts'))};
      const store = new SqliteStore(${JSON.stringify(join(dir, 'state.db'))});
      for (let i = 0; i < 1100; i++) await store.create('/k/' + i, 'v');
      await store.close();
      console.log('closed');
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: import.meta.dirname });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('closed');
    expect(r.status).toBe(0);
  });
});
