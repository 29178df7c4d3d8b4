// Reads a V8 .cpuprofile (written by the server under --cpu-prof) and names the functions
// with the most self time, to point at the bottleneck when a figure misses its target.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './cluster-process';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  fn: string;
  where: string;
  selfMs: number;
  /** Share of the busy (non-idle) time spent in the function itself. */
  pct: number;
  /** Share of the busy time with the function anywhere on the stack (callees included). */
  totalPct: number;
}

const IDLE = new Set(['(idle)', '(program)']);

/** Maps bundled dist/ positions back to the TypeScript source through the build's source maps. */
class SourceLocator {
  private readonly maps = new Map<string, SourceMap | undefined>();

  locate(url: string, line: number, column: number): string {
    if (!url) return '';
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    const map = this.mapFor(file);
    const entry = map?.findEntry(line, column);
    if (entry && 'originalSource' in entry && entry.originalSource) {
      const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(dirname(file), entry.originalSource);
      return `${relative(REPO_ROOT, source)}:${entry.originalLine + 1}`;
    }
    return `${file.startsWith('/') ? relative(REPO_ROOT, file) : file}:${line + 1}`;
  }

  private mapFor(file: string): SourceMap | undefined {
    if (!this.maps.has(file)) {
      const mapFile = `${file}.map`;
      this.maps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined);
    }
    return this.maps.get(file);
  }
}

export function hotFunctions(profile: CpuProfile, top = 15): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const locator = new SourceLocator();
  const keyOf = new Map<number, { key: string; fn: string; where: string }>();
  const describe = (id: number) => {
    let d = keyOf.get(id);
    if (!d) {
      const frame = byId.get(id)!.callFrame;
      const fn = frame.functionName || '(anonymous)';
      const where = locator.locate(frame.url, frame.lineNumber, frame.columnNumber);
      d = { key: `${fn}@${where}`, fn, where };
      keyOf.set(id, d);
    }
    return d;
  };
  const stats = new Map<string, { fn: string; where: string; selfUs: number; totalUs: number }>();
  const entry = (d: { key: string; fn: string; where: string }) => {
    let e = stats.get(d.key);
    if (!e) stats.set(d.key, (e = { fn: d.fn, where: d.where, selfUs: 0, totalUs: 0 }));
    return e;
  };
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const leaf = describe(id);
    if (IDLE.has(leaf.fn)) return;
    busyUs += us;
    entry(leaf).selfUs += us;
    // Inclusive time: each function once per sample, however often it recurs on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const d = describe(at);
      if (!seen.has(d.key)) {
        seen.add(d.key);
        entry(d).totalUs += us;
      }
    }
  });
  const pct = (us: number) => Math.round((us / busyUs) * 1000) / 10;
  return [...stats.values()]
    .sort((a, b) => b.selfUs - a.selfUs)
    .slice(0, top)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: Math.round(e.selfUs / 1000), pct: pct(e.selfUs), totalPct: pct(e.totalUs) }));
}

/** Hot functions of every profile in a directory (one per server process that ran there). */
export function summarizeProfiles(dir: string): HotFunction[][] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    return [];
  }
  return files.map((f) => hotFunctions(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile));
}
