// Which kubeconfig files `kubectl config` reads and writes (clientcmd.PathOptions): the
// --kubeconfig file alone, else the files of KUBECONFIG merged (the first to define an entry
// wins), else ~/.kube/config; and clientcmd.ModifyConfig, which writes each changed entry back
// to the file it came from (new ones to the default file) and the current context to the file
// that sets one.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { toYaml } from '../printers/yaml-json';
import { decodeKubeconfig, emptyConfig, encodeEntry, encodeKubeconfig, KubeconfigError, SECTIONS, type Entry, type Kubeconfig, type Section } from './model';

export class ConfigAccess {
  /** Every file in precedence order. */
  readonly files: string[];

  constructor(
    readonly explicitFile: string,
    env: NodeJS.ProcessEnv,
    private readonly cwd: string,
  ) {
    if (explicitFile) this.files = [explicitFile];
    else if (env.KUBECONFIG) this.files = [...new Set(env.KUBECONFIG.split(':').filter(Boolean))];
    else this.files = [join(env.HOME ?? '', '.kube', 'config')];
    this.envFiles = !explicitFile && env.KUBECONFIG ? this.files : [];
  }

  private readonly envFiles: string[];

  private path(file: string): string {
    return resolve(this.cwd, file);
  }

  /** The file new entries go to: the explicit one, else the first KUBECONFIG file that exists (else its last), else ~/.kube/config. */
  defaultFile(): string {
    if (this.explicitFile || this.envFiles.length <= 1) return this.files[0]!;
    return this.envFiles.find((f) => existsSync(this.path(f))) ?? this.envFiles[this.envFiles.length - 1]!;
  }

  /** One file, empty when it does not exist (clientcmd's getConfigFromFile). */
  readFile(file: string): Kubeconfig {
    let text: string;
    try {
      text = readFileSync(this.path(file), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyConfig();
      throw err;
    }
    try {
      return decodeKubeconfig(text, file);
    } catch (err) {
      throw new KubeconfigError(`error loading config file "${file}": ${(err as Error).message}`);
    }
  }

  /** The merged configuration (GetStartingConfig). */
  startingConfig(): Kubeconfig {
    const merged = emptyConfig();
    for (const file of this.files) {
      const one = this.readFile(file);
      for (const section of SECTIONS) for (const [name, entry] of one[section]) if (!merged[section].has(name)) merged[section].set(name, entry);
      merged.currentContext ||= one.currentContext;
      if (one.preferences.colors && merged.preferences.colors === undefined) merged.preferences.colors = one.preferences.colors;
    }
    return merged;
  }

  writeFile(config: Kubeconfig, file: string): void {
    const path = this.path(file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, toYaml(encodeKubeconfig(config)), { mode: 0o600 });
  }

  /** clientcmd.ModifyConfig: writes what changed between the starting config and `next`. */
  modify(next: Kubeconfig, relativizePaths: boolean): void {
    const start = this.startingConfig();
    if (start.currentContext !== next.currentContext) this.writeCurrentContext(next.currentContext);
    const prefs = (p: Kubeconfig['preferences']) => JSON.stringify({ colors: Boolean(p.colors), extensions: p.extensions ?? null });
    if (prefs(start.preferences) !== prefs(next.preferences)) this.writeToDefault((c) => (c.preferences = next.preferences));
    for (const section of SECTIONS) {
      for (const [name, entry] of next[section]) {
        const before = start[section].get(name);
        // Go compares its structs, where an absent field and its zero value are the same.
        if (before && JSON.stringify(encodeEntry(section, before.fields)) === JSON.stringify(encodeEntry(section, entry.fields))) continue;
        const file = entry.origin || this.defaultFile();
        const target = this.readFile(file);
        const written: Entry = { origin: file, fields: structuredClone(entry.fields) };
        if (relativizePaths && section !== 'contexts') this.relativize(section, written);
        target[section].set(name, written);
        this.writeFile(target, file);
      }
      for (const [name, entry] of start[section]) {
        if (next[section].has(name)) continue;
        const target = this.readFile(entry.origin);
        target[section].delete(name);
        this.writeFile(target, entry.origin);
      }
    }
  }

  private writeToDefault(change: (c: Kubeconfig) => void): void {
    const file = this.defaultFile();
    const config = this.readFile(file);
    change(config);
    this.writeFile(config, file);
  }

  /** A new current context goes to the default file; clearing it clears the first file that sets one. */
  private writeCurrentContext(name: string): void {
    if (this.explicitFile || name) return this.writeToDefault((c) => (c.currentContext = name));
    for (const file of this.files) {
      if (!existsSync(this.path(file))) continue;
      const config = this.readFile(file);
      if (config.currentContext) {
        config.currentContext = '';
        this.writeFile(config, file);
        return;
      }
    }
    throw new KubeconfigError('no config found to write context');
  }

  /** File paths in an entry become relative to its file when they lie under its directory. */
  private relativize(section: Section, entry: Entry): void {
    const base = dirname(this.path(entry.origin));
    const keys = section === 'clusters' ? ['certificate-authority'] : ['client-certificate', 'client-key', 'tokenFile'];
    const fields = entry.fields;
    const fix = (get: () => unknown, set: (v: string) => void) => {
      const ref = get();
      if (typeof ref !== 'string' || !ref) return;
      const abs = isAbsolute(ref) ? ref : join(base, ref);
      const rel = relative(base, abs) || '.';
      if (rel.startsWith('../')) {
        if (isAbsolute(ref)) return;
        throw new KubeconfigError(`${ref} requires backsteps and is not absolute`);
      }
      set(rel);
    };
    for (const k of keys) fix(() => fields[k], (v) => (fields[k] = v));
    const exec = fields.exec as Record<string, unknown> | undefined;
    if (exec && typeof exec.command === 'string' && exec.command.includes('/')) fix(() => exec.command, (v) => (exec.command = v));
  }

  exists(file: string): boolean {
    try {
      return statSync(this.path(file)).isFile();
    } catch {
      return false;
    }
  }
}
