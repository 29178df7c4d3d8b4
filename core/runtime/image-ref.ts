// Image references as the container runtime reports them: "nginx:1.8" is
// docker.io/library/nginx:1.8, a missing tag is :latest, and a malformed name is refused
// with the reference library's error (shown as InvalidImageName).
import { createHash } from 'node:crypto';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\d+)?$/;

export interface ImageRef {
  /** Fully qualified repository, e.g. docker.io/library/nginx. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Parses an image reference; a string is the reason it is invalid. */
export function parseImageRef(image: string): ImageRef | string {
  const invalid = 'invalid reference format';
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid;
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) {
    domain = parts.shift()!;
    if (!DOMAIN.test(domain)) return invalid;
  }
  if (parts.length === 0 || parts.some((p) => p === '')) return invalid;
  const path = parts.join('/');
  if (path !== path.toLowerCase() && parts.every((p) => COMPONENT.test(p.toLowerCase()))) {
    return `${invalid}: repository name must be lowercase`;
  }
  if (!parts.every((p) => COMPONENT.test(p))) return invalid;
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  return { repository: `${domain}/${parts.join('/')}`, ...(tag || !digest ? { tag: tag ?? 'latest' } : {}), ...(digest ? { digest } : {}) };
}

/** The name a runtime reports in containerStatuses[].image. */
export function imageName(ref: ImageRef): string {
  return ref.tag ? `${ref.repository}:${ref.tag}` : `${ref.repository}@${ref.digest}`;
}

/** The digest reference a runtime reports as imageID; simulated images get a stable fake digest. */
export function imageId(ref: ImageRef): string {
  const digest = ref.digest ?? `sha256:${createHash('sha256').update(imageName(ref)).digest('hex')}`;
  return `${ref.repository}@${digest}`;
}
