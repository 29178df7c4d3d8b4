// Ending a terminal's processes: the shell and everything it started. An interactive shell
// puts each job in a process group of its own (`yes | head`, `kubectl get -w &`), so killing
// the shell's group is not enough; every job stays in the shell's session, though, since only
// setsid leaves it. On Linux the session is read from /proc; elsewhere the shell's descendants
// are taken from `ps`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** How long the processes get to end on SIGHUP before they are killed. */
const HANGUP_GRACE_MS = 1000;
const CHECK_EVERY_MS = 25;

/** The pids of the processes in the session whose leader is `leader` (the leader included, while it lives). */
export function sessionMembers(leader: number, platform: NodeJS.Platform = process.platform): number[] {
  return platform === 'linux' ? linuxSession(leader) : descendants(leader);
}

/** The fields after `pid (comm)` in /proc/<pid>/stat (state, ppid, pgrp, session...), or undefined once it has ended. */
function procStat(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may hold spaces and parentheses: the fields start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function linuxSession(sid: number): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(procStat(name)?.[3]) === sid).map(Number);
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { encoding: 'utf8' }).split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!) ?? []));
  return found;
}

/** Still running: a zombie (ended, waiting for a parent or init to reap it) counts as gone. */
export function alive(pid: number): boolean {
  if (process.platform === 'linux') {
    const state = procStat(pid)?.[0];
    return state !== undefined && state !== 'Z' && state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pids: number[], sig: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  }
}

/**
 * Hangs up every process of the shell's session (as closing a terminal window does), then
 * kills what is left after a grace period; resolves when none is left. The members are listed
 * once, up front: an orphan keeps its session, but its parent may be gone by the time we look.
 */
export async function endSession(leader: number): Promise<void> {
  const members = sessionMembers(leader);
  signal(members, 'SIGHUP');
  // A stopped job (Ctrl+Z) sees the hangup only once it runs again.
  signal(members, 'SIGCONT');
  const deadline = Date.now() + HANGUP_GRACE_MS;
  // No event tells us when a process that is not our child ends: the process table is checked.
  while (members.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
  signal(members.filter(alive), 'SIGKILL');
  while (members.some(alive)) await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
}
