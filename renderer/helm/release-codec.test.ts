import { describe, expect, it } from 'vitest';
import { decodeRelease, isReleaseSecret, recordLabels } from './release-codec';

const release = {
  name: 'shop',
  namespace: 'default',
  version: 2,
  info: { status: 'deployed', notes: 'Visit http://shop.local', last_deployed: '2026-12-06T03:00:00Z' },
  chart: { metadata: { name: 'nginx', version: '15.1.0', appVersion: '1.25.3' }, values: { replicaCount: 1, image: { tag: 'latest' } } },
  config: { replicaCount: 3 },
};

/** data.release as the API serves it: Helm stores base64(gzip(json)); the API base64s again.
 *  Built with the same web APIs the renderer has (no Node modules in renderer/). */
async function apiValue(record: unknown, gzip = true): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(record));
  const bytes = gzip ? new Uint8Array(await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer()) : json;
  const helm = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
  return btoa(helm);
}

describe('Helm release records', () => {
  it('decodes a gzipped record as Helm writes it', async () => {
    expect(await decodeRelease(await apiValue(release))).toEqual(release);
  });

  it('reads an uncompressed record too', async () => {
    expect((await decodeRelease(await apiValue(release, false))).chart?.metadata?.appVersion).toBe('1.25.3');
  });

  it.each([
    ['a value that is not base64', '%%%', /not base64/],
    ['a record that is not a release', Buffer.from(Buffer.from('{"a":1}').toString('base64')).toString('base64'), /not a Helm release/],
  ])('refuses %s', async (_name, value, error) => {
    await expect(decodeRelease(value)).rejects.toThrow(error);
  });

  it('recognises release Secrets by type, owner label and data', () => {
    const secret = { metadata: { name: 'sh.helm.release.v1.shop.v2', labels: { owner: 'helm', name: 'shop', version: '2', status: 'deployed' } }, type: 'helm.sh/release.v1', data: { release: 'x' } };
    expect(isReleaseSecret(secret)).toBe(true);
    expect(isReleaseSecret({ ...secret, type: 'Opaque' })).toBe(false);
    expect(recordLabels(secret)).toEqual({ name: 'shop', version: 2, status: 'deployed' });
  });
});
