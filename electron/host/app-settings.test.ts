import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppSettings } from './app-settings';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wh-settings-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('AppSettings', () => {
  it('reads nothing before the first save, then what was saved, from an owner-only file', () => {
    const file = join(dir, 'data', 'settings.json');
    expect(new AppSettings(file).read()).toEqual({});
    const oldUmask = process.umask(0o022);
    try {
      new AppSettings(file).update({ cluster: 'context:prod' });
    } finally {
      process.umask(oldUmask);
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
    expect(new AppSettings(file).read()).toEqual({ cluster: 'context:prod' });
  });

  it.each([
    ['not JSON', '{cluster:', /settings file .* is not valid JSON .*; delete it to start afresh/],
    ['not an object', '["embedded"]', /settings file .* must hold a JSON object/],
  ])('names a file that is %s, and replaces it on the next save', (_name, text, error) => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, text);
    expect(() => new AppSettings(file).read()).toThrow(error);
    new AppSettings(file).update({ cluster: 'embedded' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ cluster: 'embedded' });
  });
});
