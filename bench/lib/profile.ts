// Reads a V8 .cpuprofile (written by the server under --cpu-prof) and names the functions
// with the most self time, to point at the bottleneck when a figure misses its target.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
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
  /** Share of the busy (non-idle) time. */
  pct: number;
}

const IDLE = new Set(['(idle)', '(program)']);

function shortUrl(url: string): string {
  const at = url.search(/\/(core|node_modules|dist)\//);
  return at >= 0 ? url.slice(at + 1) : url.replace(/^node:/, 'node:');
}

export function hotFunctions(profile: CpuProfile, top = 15): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { fn: string; where: string; us: number }>();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    const fn = frame.functionName || '(anonymous)';
    if (IDLE.has(fn)) return;
    busyUs += us;
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${fn}@${where}`;
    const entry = self.get(key) ?? { fn, where, us: 0 };
    entry.us += us;
    self.set(key, entry);
  });
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: Math.round(e.us / 1000), pct: Math.round((e.us / busyUs) * 1000) / 10 }));
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
