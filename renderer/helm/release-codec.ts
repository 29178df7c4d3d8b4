// Helm 3's release records, as its Secret storage driver writes them (pkg/storage/driver):
// the release as JSON, gzipped, base64-encoded into data.release, which the Secret API
// base64-encodes once more. Decoded with the browser's own DecompressionStream.
import type { KubeObject } from '../kube/object-source';

export const RELEASE_SECRET_TYPE = 'helm.sh/release.v1';
const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

export interface HelmRelease {
  name: string;
  namespace: string;
  version: number;
  info?: { status?: string; description?: string; notes?: string; first_deployed?: string; last_deployed?: string; deleted?: string };
  chart?: { metadata?: { name?: string; version?: string; appVersion?: string; description?: string }; values?: Record<string, unknown> };
  /** The user-supplied values (helm get values). */
  config?: Record<string, unknown>;
  manifest?: string;
}

function fromBase64(text: string, what: string): Uint8Array {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    throw new Error(`${what} is not base64`);
  }
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Decodes a release Secret's data.release as the API returns it. */
export async function decodeRelease(apiValue: string): Promise<HelmRelease> {
  const helmText = new TextDecoder().decode(fromBase64(apiValue, 'the Secret value'));
  let bytes = fromBase64(helmText, "Helm's release record");
  // Helm reads uncompressed records too (older releases); so do we.
  if (GZIP_MAGIC.every((b, i) => bytes[i] === b)) bytes = await gunzip(bytes);
  const release = JSON.parse(new TextDecoder().decode(bytes)) as HelmRelease;
  if (typeof release?.name !== 'string' || typeof release.version !== 'number') throw new Error('not a Helm release record (no name or version)');
  return release;
}

/** Is this Secret one of Helm's release records? */
export function isReleaseSecret(secret: KubeObject): boolean {
  return (secret as { type?: string }).type === RELEASE_SECRET_TYPE && secret.metadata?.labels?.owner === 'helm' && typeof (secret as { data?: Record<string, string> }).data?.release === 'string';
}

/** Release name, revision and status, from the labels Helm sets on the record. */
export function recordLabels(secret: KubeObject): { name: string; version: number; status: string } {
  const labels = secret.metadata?.labels ?? {};
  return { name: labels.name ?? '', version: Number(labels.version ?? 0), status: labels.status ?? '' };
}
