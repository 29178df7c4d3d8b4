import { describe, expect, it } from 'vitest';
import { ManualClock } from '../controllers/clock';
import { shellWords, simulateCommand } from './simulated-command';
import { SimulatedRuntime, simulatedUsage } from './simulated';
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
    { name: 'endless loop', command: ['sh', '-c', 'echo start; while true; do sleep 10; done'], args: undefined, expected: { kind: 'forever', output: ['start'] } },
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
    expect(c.logs()).toEqual(['hi']);
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

  it.each([
    { name: 'requests', requests: { cpu: '500m', memory: '100Mi' }, expected: { cpuMillicores: 400, memoryBytes: Math.floor(100 * 1024 * 1024 * 0.8) } },
    { name: 'no requests', requests: undefined, expected: { cpuMillicores: 1, memoryBytes: 8 * 1024 * 1024 } },
  ])('usage with $name is a little below them', ({ requests, expected }) => {
    expect(simulatedUsage(request(undefined, requests))).toEqual(expected);
  });
});
