import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podPhase } from './pod-status';

type Policy = 'Always' | 'OnFailure' | 'Never';
const running: ContainerStatus = { name: 'c', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: {} } };
const creating: ContainerStatus = { ...running, ready: false, state: { waiting: { reason: 'ContainerCreating' } } };
const exited = (exitCode: number): ContainerStatus => ({ ...running, ready: false, state: { terminated: { exitCode } } });
const backingOff: ContainerStatus = { ...running, ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } };
const pod = (restartPolicy: Policy, init = 0): Pod => ({
  spec: { restartPolicy, containers: [{ name: 'c' }], initContainers: Array.from({ length: init }, (_, i) => ({ name: `i${i}` })) },
});

describe('podPhase', () => {
  it.each([
    { name: 'a container being created', policy: 'Always', main: [creating], init: [], expected: 'Pending' },
    { name: 'one running', policy: 'Always', main: [running, exited(1)], init: [], expected: 'Running' },
    { name: 'crash looping', policy: 'Always', main: [backingOff], init: [], expected: 'Running' },
    { name: 'all exited, Always restarts them', policy: 'Always', main: [exited(0)], init: [], expected: 'Running' },
    { name: 'all succeeded', policy: 'Never', main: [exited(0), exited(0)], init: [], expected: 'Succeeded' },
    { name: 'one failed, Never', policy: 'Never', main: [exited(0), exited(2)], init: [], expected: 'Failed' },
    { name: 'one failed, OnFailure retries', policy: 'OnFailure', main: [exited(2)], init: [], expected: 'Running' },
    { name: 'init running', policy: 'Always', main: [creating], init: [running], expected: 'Pending' },
    { name: 'init failed, Never', policy: 'Never', main: [creating], init: [exited(1)], expected: 'Failed' },
    { name: 'init failed, OnFailure retries', policy: 'OnFailure', main: [creating], init: [backingOff], expected: 'Pending' },
    { name: 'init done, app running', policy: 'Always', main: [running], init: [exited(0)], expected: 'Running' },
  ] as Array<{ name: string; policy: Policy; main: ContainerStatus[]; init: ContainerStatus[]; expected: string }>)('$name: $expected', ({ policy, main, init, expected }) => {
    expect(podPhase(pod(policy, init.length), init, main, false)).toBe(expected);
  });

  it.each([
    { name: 'stopped servers of a deleted pod succeeded', main: [exited(0)], expected: 'Succeeded' },
    { name: 'a killed command of a deleted pod failed', main: [exited(137)], expected: 'Failed' },
  ])('$name', ({ main, expected }) => {
    expect(podPhase(pod('Always'), [], main, true)).toBe(expected);
  });
});
