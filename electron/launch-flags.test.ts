import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchFlags } from './launch-flags';

describe('parseLaunchFlags', () => {
  it('defaults: a window, a free web port, the cluster on 6443, data in ~/.wheelhouse', () => {
    expect(parseLaunchFlags([])).toEqual({ web: false, open: true, port: 0, clusterPort: 6443, dataDir: join(homedir(), '.wheelhouse') });
  });

  it('reads web mode flags, with a relative data dir made absolute', () => {
    expect(parseLaunchFlags(['--web', '--no-open', '--port', '8080', '--cluster-port=0', '--data-dir', 'wh'])).toEqual({
      web: true,
      open: false,
      port: 8080,
      clusterPort: 0,
      dataDir: resolve('wh'),
    });
  });

  it.each([
    [['--port', 'http'], '--port must be a number between 0 and 65535, got http'],
    [['--port', '70000'], '--port must be a number between 0 and 65535, got 70000'],
    [['--cluster-port=-1'], '--cluster-port must be a number between 0 and 65535, got -1'],
    [['--colour'], "Unknown option '--colour'"],
  ])('refuses %j', (args, message) => {
    expect(() => parseLaunchFlags(args)).toThrow(message);
  });

  it("in Electron's main process, reads its own flags among Chromium's", () => {
    expect(parseLaunchFlags(['--no-sandbox', '--data-dir=/d', 'file.html'], { strict: false })).toMatchObject({ dataDir: '/d', web: false });
  });
});
