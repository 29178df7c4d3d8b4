// CPU time and memory of the server child (from /proc) and CPU of this load-generating process,
// so a reader can tell whether the server or the client was the limit.
import { readFileSync } from 'node:fs';

/** Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream kernel. */
const TICK_MS = 10;

/** User + system CPU milliseconds of a process, or undefined where /proc is unavailable. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after its closing paren are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export interface CpuShare {
  /** Percent of one core used by the server during the measured interval. */
  serverPct?: number;
  /** Percent of one core used by this (client) process. */
  clientPct: number;
  /**
   * Percent of the machine's CPU time the hypervisor gave to other guests (steal): on a shared
   * VM this swings from 0 to over 30% within minutes, and every latency figure with it.
   */
  stealPct?: number;
}

/** Machine-wide steal and total CPU ticks (the "cpu" line of /proc/stat). */
function machineTicks(): { steal: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is inside user already).
    return { steal: ticks[7] ?? 0, total: ticks.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/** Starts a CPU meter; calling the returned function gives the shares since the start. */
export function cpuMeter(serverPid: number): () => CpuShare {
  const t0 = performance.now();
  const s0 = processCpuMs(serverPid);
  const c0 = process.cpuUsage();
  const m0 = machineTicks();
  return () => {
    const wall = performance.now() - t0;
    const s1 = processCpuMs(serverPid);
    const c = process.cpuUsage(c0);
    const m1 = machineTicks();
    const pct = (ms: number) => Math.round((ms / wall) * 1000) / 10;
    const ticks = m0 && m1 ? m1.total - m0.total : 0;
    return {
      serverPct: s0 !== undefined && s1 !== undefined ? pct(s1 - s0) : undefined,
      clientPct: pct((c.user + c.system) / 1000),
      stealPct: ticks > 0 ? Math.round(((m1!.steal - m0!.steal) / ticks) * 1000) / 10 : undefined,
    };
  };
}

/** Resident memory of a process in MiB, or undefined where /proc is unavailable. */
export function processRssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
