// Where `create configmap` and `create secret generic` take their keys from: --from-literal
// key=value, --from-file [key=]path (a directory: each regular file in it, by name) and
// --from-env-file (KEY=value lines), with kubectl's checks and error texts (pkg/util,
// cmdutil.AddFromEnvFile).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isEnvVarName } from '../../../machinery/names';

export interface KeySource {
  key: string;
  value: Buffer;
}

export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new Error(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

export function parseFileSource(source: string): [string, string] {
  const parts = source.split('=');
  if (parts.length === 1) return [basename(source), source];
  if (parts.length > 2) throw new Error("key names or file paths cannot contain '='");
  if (!parts[0]) throw new Error(`key name for file path ${parts[1]} missing`);
  if (!parts[1]) throw new Error(`file path for key name ${parts[0]} missing`);
  return [parts[0], parts[1]];
}

/** Go's os.PathError text for a failed stat/open. */
function pathError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
}

function statOf(path: string, cwd: string) {
  try {
    return statSync(resolve(cwd, path));
  } catch (err) {
    throw new Error(`error reading ${path}: ${pathError(err)}`);
  }
}

/** The keys of --from-file sources, in order; a directory's files in name order. */
export function fileSources(sources: string[], cwd: string): KeySource[] {
  const out: KeySource[] = [];
  for (const source of sources) {
    const [key, path] = parseFileSource(source);
    if (statOf(path, cwd).isDirectory()) {
      if (source.includes('=')) throw new Error('cannot give a key name for a directory path');
      const dir = resolve(cwd, path);
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
        if (entry.isFile()) out.push({ key: entry.name, value: readFileSync(join(dir, entry.name)) });
    } else out.push({ key, value: readFileSync(resolve(cwd, path)) });
  }
  return out;
}

/** The KEY=value lines of --from-env-file files (a bare KEY takes the environment's value). */
export function envFileSources(sources: string[], cwd: string, env: NodeJS.ProcessEnv, dirError = 'env config file cannot be a directory'): KeySource[] {
  const out: KeySource[] = [];
  for (const source of sources) {
    if (statOf(source, cwd).isDirectory()) throw new Error(dirError);
    const lines = readFileSync(resolve(cwd, source)).toString('utf8').split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((raw, i) => {
      const line = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trimStart();
      if (!line || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      const errs = isEnvVarName(key);
      if (errs.length) throw new Error(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
      out.push({ key, value: Buffer.from(eq < 0 ? (env[key] ?? '') : line.slice(eq + 1)) });
    });
  }
  return out;
}

/** Go's utf8.Valid. */
export function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}
