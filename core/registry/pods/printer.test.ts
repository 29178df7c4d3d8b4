import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');
const created = '2024-05-01T11:00:00Z';

function pod(spec: Partial<Pod['spec']>, status: Pod['status'], meta: Partial<Kube<Pod>['metadata']> = {}): Kube<Pod> {
  return {
    metadata: { name: 'p', creationTimestamp: created, ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status,
  };
}

const running = (name = 'app', extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: 'nginx',
  imageID: '',
  ready: true,
  restartCount: 0,
  state: { running: { startedAt: created } },
  ...extra,
});
const waiting = (reason: string, name = 'app'): ContainerStatus => ({
  name,
  image: 'nginx',
  imageID: '',
  ready: false,
  restartCount: 0,
  state: { waiting: { reason } },
});
const terminated = (exitCode: number, reason?: string, name = 'app', signal?: number): ContainerStatus => ({
  name,
  image: 'nginx',
  imageID: '',
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode, reason, signal } },
});
const cond = (type: string, status: string, reason?: string): PodCondition => ({ type, status, reason });

describe('pod printer', () => {
  it('has the columns of the real server', () => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Ready', 'string', 0],
      ['Status', 'string', 0],
      ['Restarts', 'string', 0],
      ['Age', 'string', 0],
      ['IP', 'string', 1],
      ['Node', 'string', 1],
      ['Nominated Node', 'string', 1],
      ['Readiness Gates', 'string', 1],
    ]);
    expect(printer.columns[0].format).toBe('name');
  });

  const initSpec = { initContainers: [{ name: 'init', image: 'busybox' }] };
  const cases: { name: string; pod: Kube<Pod>; ready: string; status: string; restarts: string }[] = [
    {
      name: 'running',
      pod: pod({}, { phase: 'Running', containerStatuses: [running()] }),
      ready: '1/1',
      status: 'Running',
      restarts: '0',
    },
    { name: 'pending without statuses', pod: pod({}, { phase: 'Pending' }), ready: '0/1', status: 'Pending', restarts: '0' },
    {
      name: 'container creating',
      pod: pod({}, { phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] }),
      ready: '0/1',
      status: 'ContainerCreating',
      restarts: '0',
    },
    {
      name: 'crash loop with last restart',
      pod: pod(
        {},
        {
          phase: 'Running',
          containerStatuses: [
            {
              ...waiting('CrashLoopBackOff'),
              restartCount: 3,
              lastState: { terminated: { exitCode: 1, finishedAt: '2024-05-01T11:55:00Z' } },
            },
          ],
        },
      ),
      ready: '0/1',
      status: 'CrashLoopBackOff',
      restarts: '3 (5m ago)',
    },
    {
      name: 'restarts without a termination time',
      pod: pod({}, { phase: 'Running', containerStatuses: [running('app', { restartCount: 2 })] }),
      ready: '1/1',
      status: 'Running',
      restarts: '2',
    },
    {
      name: 'init container running',
      pod: pod(initSpec, { phase: 'Pending', initContainerStatuses: [running('init', { ready: false })] }),
      ready: '0/1',
      status: 'Init:0/1',
      restarts: '0',
    },
    {
      name: 'init container image pull',
      pod: pod(initSpec, { phase: 'Pending', initContainerStatuses: [waiting('ErrImagePull', 'init')] }),
      ready: '0/1',
      status: 'Init:ErrImagePull',
      restarts: '0',
    },
    {
      name: 'init container failed with reason',
      pod: pod(initSpec, { phase: 'Pending', initContainerStatuses: [terminated(1, 'Error', 'init')] }),
      ready: '0/1',
      status: 'Init:Error',
      restarts: '0',
    },
    {
      name: 'init container failed without reason',
      pod: pod(initSpec, { phase: 'Pending', initContainerStatuses: [terminated(2, undefined, 'init')] }),
      ready: '0/1',
      status: 'Init:ExitCode:2',
      restarts: '0',
    },
    {
      name: 'init container killed by a signal',
      pod: pod(initSpec, { phase: 'Pending', initContainerStatuses: [terminated(137, undefined, 'init', 9)] }),
      ready: '0/1',
      status: 'Init:Signal:9',
      restarts: '0',
    },
    {
      name: 'pod initializing',
      pod: pod(initSpec, {
        phase: 'Pending',
        initContainerStatuses: [terminated(0, 'Completed', 'init')],
        containerStatuses: [waiting('PodInitializing')],
      }),
      ready: '0/1',
      status: 'PodInitializing',
      restarts: '0',
    },
    {
      name: 'completed',
      pod: pod({}, { phase: 'Succeeded', containerStatuses: [terminated(0, 'Completed')] }),
      ready: '0/1',
      status: 'Completed',
      restarts: '0',
    },
    {
      name: 'completed container beside a running one, pod ready',
      pod: pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        { phase: 'Running', conditions: [cond('Ready', 'True')], containerStatuses: [terminated(0, 'Completed', 'a'), running('b')] },
      ),
      ready: '1/2',
      status: 'Running',
      restarts: '0',
    },
    {
      name: 'completed container beside a running one, pod not ready',
      pod: pod({ containers: [{ name: 'a' }, { name: 'b' }] }, { phase: 'Running', containerStatuses: [terminated(0, 'Completed', 'a'), running('b')] }),
      ready: '1/2',
      status: 'NotReady',
      restarts: '0',
    },
    {
      name: 'container ended without reason',
      pod: pod({}, { phase: 'Failed', containerStatuses: [terminated(137, undefined, 'app', 9)] }),
      ready: '0/1',
      status: 'Signal:9',
      restarts: '0',
    },
    { name: 'evicted', pod: pod({}, { phase: 'Failed', reason: 'Evicted' }), ready: '0/1', status: 'Evicted', restarts: '0' },
    {
      name: 'terminating',
      pod: pod({}, { phase: 'Running', containerStatuses: [running()] }, { deletionTimestamp: '2024-05-01T11:59:00Z' }),
      ready: '1/1',
      status: 'Terminating',
      restarts: '0',
    },
    {
      name: 'deleted after it finished',
      pod: pod({}, { phase: 'Succeeded', containerStatuses: [terminated(0, 'Completed')] }, { deletionTimestamp: '2024-05-01T11:59:00Z' }),
      ready: '0/1',
      status: 'Completed',
      restarts: '0',
    },
    {
      name: 'node lost',
      pod: pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2024-05-01T11:59:00Z' }),
      ready: '0/1',
      status: 'Unknown',
      restarts: '0',
    },
    {
      name: 'scheduling gated',
      pod: pod({}, { phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] }),
      ready: '0/1',
      status: 'SchedulingGated',
      restarts: '0',
    },
    {
      name: 'ready sidecar counts',
      pod: pod(
        { initContainers: [{ name: 'side', restartPolicy: 'Always' }] },
        {
          phase: 'Running',
          conditions: [cond('Initialized', 'True')],
          initContainerStatuses: [
            running('side', {
              started: true,
              restartCount: 1,
              lastState: { terminated: { exitCode: 1, finishedAt: '2024-05-01T11:30:00Z' } },
            }),
          ],
          containerStatuses: [running()],
        },
      ),
      ready: '2/2',
      status: 'Running',
      restarts: '1 (30m ago)',
    },
  ];
  it.each(cases)('$name', ({ pod: p, ready, status, restarts }) => {
    expect(printer.cells(p, now).slice(0, 5)).toEqual(['p', ready, status, restarts, '60m']);
  });

  const wide: { name: string; pod: Kube<Pod>; expected: string[] }[] = [
    { name: 'unscheduled', pod: pod({}, { phase: 'Pending' }), expected: ['<none>', '<none>', '<none>', '<none>'] },
    {
      name: 'scheduled with gates',
      pod: pod(
        { nodeName: 'n1', readinessGates: [{ conditionType: 'x/a' }, { conditionType: 'x/b' }] },
        {
          phase: 'Running',
          podIPs: [{ ip: '10.0.0.5' }],
          nominatedNodeName: 'n2',
          conditions: [cond('x/a', 'True'), cond('x/b', 'False')],
        },
      ),
      expected: ['10.0.0.5', 'n1', 'n2', '1/2'],
    },
  ];
  it.each(wide)('wide: $name', ({ pod: p, expected }) => {
    expect(printer.cells(p, now).slice(5)).toEqual(expected);
  });
});
