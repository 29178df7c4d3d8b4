// Real ptys running /bin/sh: output arrives, the flood is paused until acked, resize reaches
// the tty, and closing ends every process of the tab, jobs in their own process groups too.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventChannels, PtyStart } from '../bridge/contract';
import { PTY_HIGH_WATER } from '../bridge/contract';
import { PtySessions, type PtyLaunch } from './pty-sessions';
import { alive, sessionMembers } from './session-processes';

interface Harness {
  sessions: PtySessions;
  /** Every character of output so far, per tab. */
  output: Map<string, string>;
  /** Characters received and not acked, per tab. */
  unacked: Map<string, number>;
  exits: EventChannels['pty:exit'][];
  /** Resolves when the tab's output matches, or the tab has exited. */
  until(id: string, pattern: RegExp): Promise<void>;
  /** Tabs whose launch was disposed. */
  disposed: string[];
  /** Ack each output event as it arrives (a renderer keeping up), or count it in unacked. */
  autoAck: boolean;
}

let open: Harness[] = [];

function harness(autoAck: boolean): Harness {
  const output = new Map<string, string>();
  const unacked = new Map<string, number>();
  const exits: EventChannels['pty:exit'][] = [];
  const waiters: (() => void)[] = [];
  const disposed: string[] = [];
  const sessions = new PtySessions(
    (channel, payload) => {
      if (channel === 'pty:exit') exits.push(payload as EventChannels['pty:exit']);
      else {
        const { id, data } = payload as EventChannels['pty:data'];
        output.set(id, (output.get(id) ?? '') + data);
        if (h.autoAck) queueMicrotask(() => sessions.ack(id, data.length));
        else unacked.set(id, (unacked.get(id) ?? 0) + data.length);
      }
      for (const w of waiters.splice(0)) w();
    },
    async (start: PtyStart): Promise<PtyLaunch> => ({
      file: '/bin/sh',
      args: [],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp', PS1: '$ ' },
      cwd: '/tmp',
      context: start.cluster,
      dispose: () => void disposed.push(start.id),
    }),
  );
  const h: Harness = {
    sessions,
    output,
    unacked,
    exits,
    disposed,
    autoAck,
    until: (id, pattern) =>
      new Promise<void>((resolve) => {
        const check = () => (pattern.test(output.get(id) ?? '') || exits.some((e) => e.id === id) ? resolve() : waiters.push(check));
        check();
      }),
  };
  open.push(h);
  return h;
}

const start = (id: string): PtyStart => ({ id, cluster: 'embedded', namespace: 'default', cols: 80, rows: 24 });

afterEach(async () => {
  await Promise.all(open.map((h) => h.sessions.dispose()));
  open = [];
});

describe('PtySessions', () => {
  it('runs the shell and relays what it prints', async () => {
    const h = harness(true);
    expect(await h.sessions.open(start('a'))).toEqual({ shell: '/bin/sh', context: 'embedded' });
    h.sessions.write('a', 'echo "sum=$((40+2))"\r');
    await h.until('a', /sum=42/);
  });

  it('tells the terminal size to the tty, and again after a resize', async () => {
    const h = harness(true);
    await h.sessions.open(start('a'));
    h.sessions.write('a', 'echo "size=$(stty size)"\r');
    await h.until('a', /size=24 80/);
    h.sessions.resize('a', 132, 40);
    h.sessions.write('a', 'echo "size=$(stty size)"\r');
    await h.until('a', /size=40 132/);
  });

  it('pauses the shell while the renderer is behind, and lets it finish once acked', async () => {
    const h = harness(false);
    await h.sessions.open(start('a'));
    const total = 4 * PTY_HIGH_WATER;
    h.sessions.write('a', `head -c ${total} /dev/zero | tr '\\0' y; echo; echo flood-"done"\r`);
    await expect.poll(() => h.sessions.paused('a')).toBe(true);
    // Paused: what was sent and not acked stays near the mark (one event-loop turn's output over it at most).
    expect(h.unacked.get('a')!).toBeLessThan(2 * PTY_HIGH_WATER);
    expect(h.output.get('a')!.includes('flood-done')).toBe(false);
    // The renderer catches up and keeps up: the flood runs to its end, nothing lost.
    h.autoAck = true;
    h.sessions.ack('a', h.unacked.get('a')!);
    await h.until('a', /flood-done/);
    expect(h.sessions.paused('a')).toBe(false);
    expect(h.output.get('a')!.split('y').length - 1).toBeGreaterThanOrEqual(total);
  });

  it('ends every process of the tab on close, jobs in their own process groups too', async () => {
    const h = harness(true);
    await h.sessions.open(start('a'));
    // sh -i has job control: each background job gets a process group of its own.
    h.sessions.write('a', 'sleep 600 & (yes > /dev/null | cat) & trap "" HUP; echo "started=$$"\r');
    await h.until('a', /started=\d+/);
    const shell = Number(/started=(\d+)/.exec(h.output.get('a')!)![1]);
    await expect.poll(() => sessionMembers(shell).length).toBeGreaterThanOrEqual(4);
    const members = sessionMembers(shell);
    await h.sessions.close('a');
    expect(members.filter(alive)).toEqual([]);
    expect(h.disposed).toEqual(['a']);
  });

  it('ends what the shell left running when it exits, and says how it ended', async () => {
    const h = harness(true);
    await h.sessions.open(start('a'));
    h.sessions.write('a', 'sleep 600 & echo "started=$$"\r');
    await h.until('a', /started=\d+/);
    const members = sessionMembers(Number(/started=(\d+)/.exec(h.output.get('a')!)![1]));
    h.sessions.write('a', 'exit 3\r');
    await h.until('a', /(?!)/);
    expect(h.exits).toEqual([{ id: 'a', exitCode: 3 }]);
    await expect.poll(() => members.filter(alive)).toEqual([]);
  });

  it('refuses bad arguments without starting anything', async () => {
    const h = harness(true);
    await expect(h.sessions.open({ ...start('a'), cols: 0 })).rejects.toThrow(/cols must be a whole number/);
    await expect(h.sessions.open({ ...start(''), cols: 10 })).rejects.toThrow(/needs an id/);
    await h.sessions.open(start('a'));
    await expect(h.sessions.open(start('a'))).rejects.toThrow(/open already/);
    expect(() => h.sessions.write('a', 42)).toThrow(/must be a string/);
    expect(() => h.sessions.ack('a', -1)).toThrow(/whole number/);
  });
});
