// Where `-f` reads from, as kubectl's resource builder expands its filenames: "-" is stdin,
// http(s) URLs are fetched, a file is read whatever its extension, a directory gives its
// .json/.yaml/.yml files in lexical order (its subdirectories only with -R), and a missing
// path is an error before anything is read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join, resolve } from 'node:path';
import { CommandError } from '../command';
import { readStdin } from '../stdin-text';

/** One stream of manifests and the name kubectl gives it in messages. */
export interface Source {
  name: string;
  read(): Promise<string>;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** filepath.Walk from root: files named explicitly always count, others by extension. */
function walk(root: string, cwd: string, recursive: boolean): Source[] {
  const found: Source[] = [];
  const visit = (path: string, isRoot: boolean) => {
    const stat = statSync(resolve(cwd, path));
    if (stat.isDirectory()) {
      if (!isRoot && !recursive) return;
      for (const entry of readdirSync(resolve(cwd, path)).sort()) visit(join(path, entry), false);
      return;
    }
    if (!isRoot && !EXTENSIONS.some((e) => path.endsWith(e))) return;
    found.push({ name: path, read: async () => readFileSync(resolve(cwd, path), 'utf8') });
  };
  visit(root, true);
  return found;
}

/** GET with kubectl's retries: 5xx answers are tried again, up to three attempts. */
function fetchUrl(url: string, attempt = 1): Promise<string> {
  const get = url.startsWith('https://') ? httpsRequest : httpRequest;
  return new Promise<string>((done, fail) => {
    const req = get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const code = res.statusCode ?? 0;
        if (code === 200) return done(Buffer.concat(chunks).toString('utf8'));
        if (code >= 500 && attempt < 3) return setTimeout(() => fetchUrl(url, attempt + 1).then(done, fail), 1000);
        fail(new CommandError(`unable to read URL "${url}", server reported ${code} ${res.statusMessage ?? ''}, status code=${code}`));
      });
    });
    req.on('error', (err) => fail(new CommandError(`Get "${url}": ${err.message}`)));
    req.end();
  });
}

/** The sources of every -f, or the builder's error for the first path that does not exist. */
export function expandFilenames(filenames: string[], recursive: boolean, io: { cwd: string; stdin: NodeJS.ReadableStream }): Source[] {
  const sources: Source[] = [];
  for (const name of filenames) {
    if (name === '-') sources.push({ name: 'STDIN', read: () => readStdin(io.stdin) });
    else if (name.startsWith('http://') || name.startsWith('https://')) sources.push({ name, read: () => fetchUrl(name) });
    else {
      try {
        statSync(resolve(io.cwd, name));
      } catch {
        throw new CommandError(`the path "${name}" does not exist`);
      }
      sources.push(...walk(name, io.cwd, recursive));
    }
  }
  return sources;
}
