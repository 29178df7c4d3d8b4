import { describe, expect, it } from 'vitest';
import { ManualClock } from '../client/clock';
import { shellWords, simulateCommand } from './simulated-command';
import { MAX_LOG_LINES, OOM_AFTER_MS, SimulatedRuntime } from './simulated';
import { MIN_ITERATION_MS } from './shell-loop';
import { modelUsage, seedOf } from './usage-model';
import { USAGE_ANNOTATION } from './usage-override';
import type { ContainerRequest } from './types';

describe('simulateCommand', () => {
  it.each([
    { name: 'no command: a server', command: undefined, args: undefined, expected: { kind: 'forever', output: [] } },
    { name: 'sleep N', command: ['sleep', '5'], args: undefined, expected: { kind: 'exit', exitCode: 0, afterMs: 5000, output: [] } },
    { name: 'sleep with a unit', command: ['sleep'], args: ['2m'], expected: { kind: 'exit', exitCode: 0, afterMs: 120_000, output: [] } },
    { name: 'sleep infinity', command: ['sleep', 'infinity'], args: undefined, expected: { kind: 'forever', output: [] } },
    { name: 'true', command: ['true'], args: undefined, expected: { kind: 'exit', exitCode: 0, afterMs: 0, output: [] } },
    { name: 'false', command: ['/bin/false'], args: undefined, expected: { kind: 'exit', exitCode: 1, afterMs: 0, output: [] } },
    { name: 'echo', command: ['echo', 'hello', 'world'], args: undefined, expected: { kind: 'exit', exitCode: 0, afterMs: 0, output: ['hello world'] } },
    { name: 'date', command: ['date'], args: undefined, expected: { kind: 'exit', exitCode: 0, afterMs: 0, output: [] } },
    { name: 'unknown program', command: ['/app/server', '--port', '80'], args: undefined, expected: { kind: 'exit', exitCode: 0, afterMs: 0, output: [] } },
    { name: 'sh -c script', command: ['sh', '-c', 'echo "hi there"; sleep 1; exit 3'], args: undefined, expected: { kind: 'exit', exitCode: 3, afterMs: 1000, output: ['hi there'] } },
    { name: 'command and args', command: ['/bin/sh', '-c'], args: ['echo a && false || echo b'], expected: { kind: 'exit', exitCode: 0, afterMs: 0, output: ['a', 'b'] } },
    { name: '&& skips after a failure', command: ['sh', '-c', 'false && echo never'], args: undefined, expected: { kind: 'exit', exitCode: 1, afterMs: 0, output: [] } },
    { name: 'exit without a code keeps the last status', command: ['sh', '-c', 'false; exit'], args: undefined, expected: { kind: 'exit', exitCode: 1, afterMs: 0, output: [] } },
    { name: 'endless loop', command: ['sh', '-c', 'echo start; while true; do sleep 10; done'], args: undefined, expected: { kind: 'forever', output: ['start'], loop: { body: [{ after: ';', words: ['sleep', '10'] }], vars: new Map() } } },
    { name: 'tail -f', command: ['tail', '-f', '/dev/null'], args: undefined, expected: { kind: 'forever', output: [] } },
  ])('$name', ({ command, args, expected }) => {
    expect(simulateCommand(command, args)).toEqual(expected);
  });

  it.each([
    { line: `echo 'a b' "c \\"d\\"" e\\ f`, expected: ['echo', 'a b', 'c "d"', 'e f'] },
    { line: '  spaced   out  ', expected: ['spaced', 'out'] },
    { line: `echo ''`, expected: ['echo', ''] },
  ])('shellWords($line)', ({ line, expected }) => {
    expect(shellWords(line)).toEqual(expected);
  });
});

const Mi = 1024 * 1024;

const request = (command?: string[], requests?: Record<string, string>): ContainerRequest => ({
  podUid: 'u',
  podName: 'p',
  namespace: 'default',
  container: { name: 'c', image: 'busybox', command, resources: requests ? { requests } : undefined },
  env: {},
});

describe('SimulatedRuntime', () => {
  it('pulls and starts after the configured delays, on the given clock', async () => {
    const clock = new ManualClock();
    const rt = new SimulatedRuntime({ clock, pullDelayMs: 200, startDelayMs: 100 });
    const pulled = rt.pull('nginx:1.8');
    clock.advance(200);
    expect(await pulled).toBe(200);
    const starting = rt.start(request());
    clock.advance(100);
    const c = await starting;
    expect(c.id).toMatch(/^[0-9a-f]{64}$/);
    expect(c.startedAt).toEqual(clock.now());
  });

  it('exits `sleep N` with 0 after N seconds and keeps echo output as logs', async () => {
    const clock = new ManualClock();
    const rt = new SimulatedRuntime({ clock, startDelayMs: 0 });
    const c = await rt.start(request(['sh', '-c', 'echo hi; sleep 3']));
    let exited = false;
    void c.exited.then(() => (exited = true));
    clock.advance(2999);
    await Promise.resolve();
    expect(exited).toBe(false);
    clock.advance(1);
    expect(await c.exited).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: clock.now() });
    expect(c.logs().map((l) => l.text)).toEqual(['hi']);
  });

  it('stamps and announces each line a loop prints, keeps the newest MAX_LOG_LINES, and stops with the container', async () => {
    const clock = new ManualClock();
    const rt = new SimulatedRuntime({ clock, startDelayMs: 0 });
    const c = await rt.start(request(['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "n $i"; done']));
    const heard: string[] = [];
    const off = c.onLog((l) => heard.push(`${l.time.toISOString()} ${l.text}`));
    clock.advance(MIN_ITERATION_MS);
    expect(heard).toEqual([`${clock.now().toISOString()} n 2`]);
    off();
    for (let i = 0; i < MAX_LOG_LINES + 100; i++) clock.advance(MIN_ITERATION_MS);
    const lines = c.logs();
    expect(lines).toHaveLength(MAX_LOG_LINES);
    expect(lines.at(-1)!.text).toBe(`n ${MAX_LOG_LINES + 102}`);
    await c.stop(0);
    clock.advance(1000);
    expect(c.logs().at(-1)!.text).toBe(`n ${MAX_LOG_LINES + 102}`);
  });

  it.each([
    { name: 'a failing command', command: ['false'], exitCode: 1, reason: 'Error' },
    { name: 'exit 0', command: ['sh', '-c', 'exit 0'], exitCode: 0, reason: 'Completed' },
  ])('exits at once for $name', async ({ command, exitCode, reason }) => {
    const rt = new SimulatedRuntime({ clock: new ManualClock(), startDelayMs: 0 });
    const c = await rt.start(request(command));
    expect(await c.exited).toMatchObject({ exitCode, reason });
  });

  it.each([
    { name: 'a server stops cleanly', command: undefined, exitCode: 0 },
    { name: 'a command is killed', command: ['sleep', '3600'], exitCode: 137 },
  ])('stop: $name', async ({ command, exitCode }) => {
    const rt = new SimulatedRuntime({ clock: new ManualClock(), startDelayMs: 0 });
    const c = await rt.start(request(command));
    expect((await c.stop(30)).exitCode).toBe(exitCode);
    expect((await c.exited).exitCode).toBe(exitCode);
    expect(c.usage()).toEqual({ cpuMillicores: 0, memoryBytes: 0 });
  });

  it.each([
    { image: 'nginx:1.8', expected: undefined },
    { image: 'registry.example.com:5000/team/app@sha256:' + 'a'.repeat(64), expected: undefined },
    { image: 'Nginx', expected: 'invalid reference format: repository name must be lowercase' },
    { image: 'nginx:', expected: 'invalid reference format' },
    { image: 'bad image', expected: 'invalid reference format' },
  ])('cannotRun($image)', ({ image, expected }) => {
    expect(new SimulatedRuntime().cannotRun(image)).toBe(expected);
  });

  it('reports the usage model for its requests and limits, seeded by pod and container', async () => {
    const clock = new ManualClock();
    const rt = new SimulatedRuntime({ clock, startDelayMs: 0 });
    const req = request(undefined, { cpu: '500m', memory: '100Mi' });
    req.container.resources!.limits = { cpu: '1', memory: '200Mi' };
    const c = await rt.start(req);
    clock.advance(42_000);
    const profile = { seed: seedOf('default/p/c'), cpuRequestMilli: 500, memoryRequestBytes: 100 * Mi, cpuLimitMilli: 1000, memoryLimitBytes: 200 * Mi };
    expect(c.usage()).toEqual(modelUsage(profile, c.startedAt, clock.now()));
  });

  it('reports the annotation\'s usage exactly, and the model for what it leaves out', async () => {
    const clock = new ManualClock();
    const rt = new SimulatedRuntime({ clock, startDelayMs: 0 });
    const c = await rt.start({ ...request(), annotations: { [USAGE_ANNOTATION]: 'c:cpu=750m' } });
    clock.advance(60_000);
    expect(c.usage().cpuMillicores).toBe(750);
    expect(c.usage().memoryBytes).toBe(modelUsage({ seed: seedOf('default/p/c') }, c.startedAt, clock.now()).memoryBytes);
  });

  it('OOM-kills a container told to use more memory than its limit: 137, OOMKilled', async () => {
    const clock = new ManualClock();
    const rt = new SimulatedRuntime({ clock, startDelayMs: 0 });
    const req = { ...request(['sleep', '3600']), annotations: { [USAGE_ANNOTATION]: 'memory=300Mi' } };
    req.container.resources = { limits: { memory: '256Mi' } };
    const c = await rt.start(req);
    expect(c.usage().memoryBytes).toBe(300 * Mi);
    clock.advance(OOM_AFTER_MS);
    expect(await c.exited).toEqual({ exitCode: 137, reason: 'OOMKilled', finishedAt: clock.now() });
    expect(c.usage()).toEqual({ cpuMillicores: 0, memoryBytes: 0 });
  });

  it('keeps a container within its limit running', async () => {
    const clock = new ManualClock();
    const rt = new SimulatedRuntime({ clock, startDelayMs: 0 });
    const req = { ...request(), annotations: { [USAGE_ANNOTATION]: 'memory=200Mi' } };
    req.container.resources = { limits: { memory: '256Mi' } };
    const c = await rt.start(req);
    let exited = false;
    void c.exited.then(() => (exited = true));
    clock.advance(3_600_000);
    await Promise.resolve();
    expect(exited).toBe(false);
  });

  it('refuses to start with a malformed annotation, saying why', async () => {
    const rt = new SimulatedRuntime({ clock: new ManualClock(), startDelayMs: 0 });
    await expect(rt.start({ ...request(), annotations: { [USAGE_ANNOTATION]: 'cpu=fast' } })).rejects.toThrow(
      `invalid ${USAGE_ANNOTATION} annotation "cpu=fast": cpu: "fast" is not a quantity (e.g. 750m, 300Mi)`,
    );
  });
});
