import { describe, expect, it } from 'vitest';
import { BridgeHost } from './bridge-host';
import type { ClusterLifecycle } from './cluster-lifecycle';

// Only what attach() touches: the status subscription.
const lifecycle = { onStatus: () => () => undefined } as unknown as ClusterLifecycle;
const APP = { name: 'Wheelhouse', version: '0.0.0', mode: 'electron' as const };

describe('shell:openExternal', () => {
  it('hands http and https URLs to the system browser', async () => {
    const opened: string[] = [];
    const session = new BridgeHost(lifecycle, APP, { openExternal: async (url) => void opened.push(url) }).attach({ send: () => undefined });
    await session.invoke('shell:openExternal', { url: 'http://127.0.0.1:30080/' });
    await session.invoke('shell:openExternal', { url: 'https://lb.example.com/' });
    expect(opened).toEqual(['http://127.0.0.1:30080/', 'https://lb.example.com/']);
  });

  it.each([
    [{ url: 'file:///etc/passwd' }, /only http and https/],
    [{ url: 'javascript:alert(1)' }, /only http and https/],
    [{ url: 42 }, /url must be a string/],
    [null, /must be an object/],
  ])('refuses %j without opening anything', async (args, error) => {
    const opened: string[] = [];
    const session = new BridgeHost(lifecycle, APP, { openExternal: async (url) => void opened.push(url) }).attach({ send: () => undefined });
    await expect(session.invoke('shell:openExternal', args)).rejects.toThrow(error);
    expect(opened).toEqual([]);
  });

  it('says so where the host has no browser to open (web mode)', async () => {
    const session = new BridgeHost(lifecycle, { ...APP, mode: 'web' }).attach({ send: () => undefined });
    await expect(session.invoke('shell:openExternal', { url: 'https://example.com/' })).rejects.toThrow(/no system browser/);
  });
});

describe('pty channels', () => {
  it('are refused where the host offers no terminals', async () => {
    const session = new BridgeHost(lifecycle, { ...APP, mode: 'web' }).attach({ send: () => undefined });
    await expect(session.invoke('pty:open', { id: 'a', cluster: 'embedded', namespace: '', cols: 80, rows: 24 })).rejects.toThrow(/no terminals/);
    await expect(session.invoke('pty:write', { id: 'a', data: 'ls\r' })).rejects.toThrow(/no terminals/);
  });
});
