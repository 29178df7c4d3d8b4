import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, ensurePrivateFile, tightenTree, writePrivateFile } from './private-files';

let dir: string;
let umask: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-private-'));
  umask = process.umask(0);
});
afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('private files (umask 0)', () => {
  it('makes a new or an existing 0755 dir 0700', () => {
    ensurePrivateDir(join(dir, 'a', 'b'));
    expect(mode(join(dir, 'a', 'b'))).toBe(0o700);
    chmodSync(dir, 0o755);
    ensurePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('writes new and existing 0644 files 0600', () => {
    const file = join(dir, 'token');
    writePrivateFile(file, 'one');
    expect(mode(file)).toBe(0o600);
    chmodSync(file, 0o644);
    writePrivateFile(file, 'two');
    expect([mode(file), readFileSync(file, 'utf8')]).toEqual([0o600, 'two']);
  });

  it('creates a missing file empty and keeps an existing one, both 0600', () => {
    const file = join(dir, 'state.db');
    ensurePrivateFile(file);
    expect([mode(file), readFileSync(file, 'utf8')]).toEqual([0o600, '']);
    writeFileSync(file, 'kept');
    chmodSync(file, 0o644);
    ensurePrivateFile(file);
    expect([mode(file), readFileSync(file, 'utf8')]).toEqual([0o600, 'kept']);
  });

  it('tightens a whole tree', () => {
    mkdirSync(join(dir, 'pki'), { mode: 0o755 });
    writeFileSync(join(dir, 'pki', 'ca.key'), 'k', { mode: 0o644 });
    writeFileSync(join(dir, 'state.db-wal'), 'w', { mode: 0o666 });
    chmodSync(dir, 0o755);
    tightenTree(dir);
    expect([dir, join(dir, 'pki'), join(dir, 'pki', 'ca.key'), join(dir, 'state.db-wal')].map(mode)).toEqual([0o700, 0o700, 0o600, 0o600]);
  });
});
