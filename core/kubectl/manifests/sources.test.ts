import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandFilenames } from './sources';

const io = (cwd: string, stdin = '') => ({ cwd, stdin: Readable.from([stdin]) });

describe('-f sources as kubectl expands them', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wh-sources-'));
    mkdirSync(join(dir, 'm', 'sub'), { recursive: true });
    for (const f of ['m/b.yaml', 'm/a.json', 'm/notes.txt', 'm/sub/c.yml']) writeFileSync(join(dir, f), f);
  });

  it("takes a directory's manifests in name order, subdirectories only with -R", () => {
    expect(expandFilenames(['m'], false, io(dir)).map((s) => s.name)).toEqual(['m/a.json', 'm/b.yaml']);
    expect(expandFilenames(['m'], true, io(dir)).map((s) => s.name)).toEqual(['m/a.json', 'm/b.yaml', 'm/sub/c.yml']);
  });

  it('reads a file named explicitly whatever its extension', async () => {
    const [source] = expandFilenames(['m/notes.txt'], false, io(dir));
    expect(await source!.read()).toBe('m/notes.txt');
  });

  it('refuses a missing path before reading anything', () => {
    expect(() => expandFilenames(['m/b.yaml', 'nope.yaml'], false, io(dir))).toThrow('the path "nope.yaml" does not exist');
  });

  it('reads stdin as STDIN', async () => {
    const [source] = expandFilenames(['-'], false, io(dir, 'kind: X\n'));
    expect(source!.name).toBe('STDIN');
    expect(await source!.read()).toBe('kind: X\n');
  });
});

describe('-f URLs', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/cm.yaml') res.end('apiVersion: v1\nkind: ConfigMap\n');
      else {
        res.statusCode = 404;
        res.end('no');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('fetches the manifest, named by its URL', async () => {
    const [source] = expandFilenames([`${base}/cm.yaml`], false, io('/'));
    expect(source!.name).toBe(`${base}/cm.yaml`);
    expect(await source!.read()).toBe('apiVersion: v1\nkind: ConfigMap\n');
  });

  it("reports the server's status as kubectl does", async () => {
    const [source] = expandFilenames([`${base}/missing.yaml`], false, io('/'));
    await expect(source!.read()).rejects.toThrow(`unable to read URL "${base}/missing.yaml", server reported 404 Not Found, status code=404`);
  });
});
