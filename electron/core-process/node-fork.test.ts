import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { electronEnv } from '../launch';
import { CHECKOUT_NODE_ENV } from '../host/paths';
import { forkCore } from './node-fork';

const FAKE_CORE = fileURLToPath(new URL('./fixtures/fake-core.mjs', import.meta.url));
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('forkCore', () => {
  it.runIf(process.platform !== 'win32')('runs the core under the Node binary it is given (the checkout node the desktop app passes on)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wh-fork-'));
    const mark = join(dir, 'used');
    const node = join(dir, 'node');
    writeFileSync(node, `#!/bin/sh\necho yes > '${mark}'\nexec '${process.execPath}' "$@"\n`);
    chmodSync(node, 0o755);
    const child = forkCore({ dataDir: '/nonexistent', port: 0, mode: 'serve' } as never, { entry: FAKE_CORE, execPath: node });
    await child.ready;
    child.requestStop();
    expect((await child.exited).code).toBe(0);
    expect(existsSync(mark)).toBe(true);
  });

  it('is told by npm start which Node built the native modules', () => {
    expect(electronEnv({ PATH: '/bin' }, '/usr/bin/node')).toEqual({ PATH: '/bin', [CHECKOUT_NODE_ENV]: '/usr/bin/node' });
  });
});
