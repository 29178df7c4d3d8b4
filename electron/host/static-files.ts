// Serves the built renderer from one directory: no path escapes it, unknown paths get the SPA
// entry so a reload on a deep link still works.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** The file for a URL path, or undefined when the renderer has not been built. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const file = await resolveFile(root, urlPath);
  if (!file) return undefined;
  return { body: await readFile(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' };
}

async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '/';
  }
  const candidate = normalize(join(root, decoded));
  const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
  if (inside && (await isFile(candidate))) return candidate;
  // Asset requests that miss are real 404s; anything else is a route of the single-page app.
  if (decoded.startsWith('/assets/')) return undefined;
  const index = join(root, 'index.html');
  return (await isFile(index)) ? index : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
