// The app's own settings (today: the cluster last chosen), one small JSON file in the app's
// data dir, owner-only like the rest of it. Written whole to a temporary file and renamed, so
// a crash mid-write leaves the old settings rather than half a file.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../../core/machinery/private-files';

export interface Settings {
  /** The cluster picker's choice: 'embedded' or 'context:NAME'. */
  cluster?: string;
}

export class AppSettings {
  constructor(readonly file: string) {}

  /** The saved settings; none when the file is missing. A file that is not ours throws, naming it. */
  read(): Settings {
    if (!existsSync(this.file)) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (err) {
      throw new Error(`settings file ${this.file} is not valid JSON (${(err as Error).message}); delete it to start afresh`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`settings file ${this.file} must hold a JSON object`);
    const cluster = (parsed as Record<string, unknown>).cluster;
    return typeof cluster === 'string' ? { cluster } : {};
  }

  update(patch: Settings): void {
    let current: Settings;
    try {
      current = this.read();
    } catch {
      current = {}; // a broken file is replaced by a good one
    }
    ensurePrivateDir(dirname(this.file));
    const tmp = `${this.file}.${process.pid}.tmp`;
    writePrivateFile(tmp, JSON.stringify({ ...current, ...patch }, null, 2) + '\n');
    renameSync(tmp, this.file);
  }
}
