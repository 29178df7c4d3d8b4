import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('lockDataDir', () => {
  it('refuses a second holder, even in the same process, naming the pid that holds the dir', () => {
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'wheelhouse.pid'), 'utf8')).toBe(`${process.pid}\n`);
    expect(() => lockDataDir(dir)).toThrow(new DataDirLockedError(dir, process.pid));
    expect(() => lockDataDir(dir)).toThrow(`data directory ${dir} is in use by another Wheelhouse process (pid ${process.pid})`);
    lock.release();
  });

  it('can be taken again once released, and release is idempotent', () => {
    const first = lockDataDir(dir);
    first.release();
    first.release();
    const second = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    second.release();
  });
});
