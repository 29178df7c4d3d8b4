// The Job controller's sync on fakes, as job_controller_test.go: a Job and its pods seeded in the
// informers, one sync(key), the client's actions, the events and the status written.
import type { Job, JobSpec, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext, type Verb } from '../../../test/support/controller-fakes';
import { JobController } from './job-controller';

const NOW = '2026-01-01T00:00:00Z';
const EARLIER = '2025-12-31T23:59:00Z';
const TRACKING = 'batch.kubernetes.io/job-tracking';
const INDEX = 'batch.kubernetes.io/job-completion-index';

function job(spec: Partial<JobSpec> = {}, status?: JobStatus): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', generation: 1 },
    spec: {
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

function pod(name: string, phase: Phase, opts: { index?: number; exitCode?: number; ready?: boolean } = {}): Pod {
  const status: PodStatus = { phase };
  if (phase === 'Running') status.conditions = [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }];
  if (phase === 'Succeeded' || phase === 'Failed') {
    status.containerStatuses = [
      {
        name: 'main',
        image: 'busybox',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: { terminated: { exitCode: opts.exitCode ?? (phase === 'Failed' ? 1 : 0), finishedAt: NOW } },
      },
    ];
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: { 'batch.kubernetes.io/job-name': 'pi', ...(opts.index !== undefined ? { [INDEX]: String(opts.index) } : {}) },
      ...(opts.index !== undefined ? { annotations: { [INDEX]: String(opts.index) } } : {}),
      finalizers: [TRACKING],
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'uid-pi', controller: true, blockOwnerDeletion: true }],
      creationTimestamp: EARLIER,
    },
    spec: { restartPolicy: 'Never', nodeName: 'node-1', containers: [{ name: 'main', image: 'busybox' }] },
    status,
  };
}

interface Row {
  name: string;
  objects: object[];
  fail?: Array<[Verb, string]>;
  actions: string[];
  events?: string[];
  /** The last status the sync wrote (matched, not equal: conditions carry times). */
  status?: object;
}

const cond = (type: string, reason: string, message: string) => ({ type, status: 'True', reason, message });
const COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';
const BACKOFF_LIMIT = 'Job has reached the specified backoff limit';
const EXIT_42 = 'Container main for pod default/a failed with exit code 42 matching FailJob rule at index 0';
const STATUS = 'update-status jobs.batch default/pi';
const running = { startTime: EARLIER };

const rows: Row[] = [
  {
    name: 'starts parallelism pods and the Job',
    objects: [job({ completions: 3, parallelism: 2 })],
    actions: ['create pods default/pi-1', 'create pods default/pi-2', STATUS],
    events: ['Normal SuccessfulCreate Created pod: pi-1', 'Normal SuccessfulCreate Created pod: pi-2'],
    status: { startTime: NOW, active: 2, ready: 0, terminating: 0 },
  },
  {
    name: 'does nothing when the pods and the status agree',
    objects: [job({ completions: 3, parallelism: 2 }, { ...running, active: 2, ready: 2, terminating: 0 }), pod('a', 'Running'), pod('b', 'Running')],
    actions: [],
  },
  {
    name: 'counts a succeeded pod through uncountedTerminatedPods and its finalizer, and replaces it',
    objects: [job({ completions: 3, parallelism: 2 }, { ...running, active: 2 }), pod('a', 'Succeeded'), pod('b', 'Running')],
    actions: ['create pods default/pi-1', STATUS, 'update pods default/a', STATUS],
    events: ['Normal SuccessfulCreate Created pod: pi-1'],
    status: { active: 2, ready: 1, succeeded: 1, uncountedTerminatedPods: {} },
  },
  {
    name: 'completes once the completions succeeded',
    objects: [job({ completions: 1 }, { ...running, active: 1 }), pod('a', 'Succeeded')],
    actions: [STATUS, 'update pods default/a', STATUS],
    events: ['Normal Completed Job completed'],
    status: {
      succeeded: 1,
      completionTime: NOW,
      conditions: [cond('SuccessCriteriaMet', 'CompletionsReached', COMPLETIONS_REACHED), cond('Complete', 'CompletionsReached', COMPLETIONS_REACHED)],
    },
  },
  {
    name: 'waits out the backoff before replacing a failed pod',
    objects: [job({ backoffLimit: 1 }, { ...running, active: 1 }), pod('a', 'Failed')],
    actions: [STATUS, 'update pods default/a', STATUS],
    status: { failed: 1, uncountedTerminatedPods: {} },
  },
  {
    name: 'fails the Job past backoffLimit',
    objects: [job({ backoffLimit: 0 }, { ...running, active: 1 }), pod('a', 'Failed')],
    actions: [STATUS, 'update pods default/a', STATUS],
    events: [`Warning BackoffLimitExceeded ${BACKOFF_LIMIT}`],
    status: { failed: 1, conditions: [cond('FailureTarget', 'BackoffLimitExceeded', BACKOFF_LIMIT), cond('Failed', 'BackoffLimitExceeded', BACKOFF_LIMIT)] },
  },
  {
    name: 'fails the Job at once when a podFailurePolicy FailJob rule matches',
    objects: [
      job({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } }, { ...running, active: 1 }),
      pod('a', 'Failed', { exitCode: 42 }),
    ],
    actions: [STATUS, 'update pods default/a', STATUS],
    events: [`Warning PodFailurePolicy ${EXIT_42}`],
    status: { failed: 1, conditions: [cond('FailureTarget', 'PodFailurePolicy', EXIT_42), cond('Failed', 'PodFailurePolicy', EXIT_42)] },
  },
  {
    name: 'past activeDeadlineSeconds: deletes the active pods, and fails once they are gone',
    objects: [job({ activeDeadlineSeconds: 30 }, { ...running, active: 1 }), pod('a', 'Running')],
    actions: ['delete pods default/a', STATUS, 'update pods default/a', STATUS],
    events: ['Normal SuccessfulDelete Deleted pod: a'],
    status: { failed: 1, terminating: 1, conditions: [cond('FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline')] },
  },
  {
    name: 'Indexed: one pod per pending index',
    objects: [job({ completionMode: 'Indexed', completions: 3, parallelism: 3 })],
    actions: ['create pods default/pi-0-1', 'create pods default/pi-1-2', 'create pods default/pi-2-3', STATUS],
    events: ['Normal SuccessfulCreate Created pod: pi-0-1', 'Normal SuccessfulCreate Created pod: pi-1-2', 'Normal SuccessfulCreate Created pod: pi-2-3'],
    status: { active: 3 },
  },
  {
    name: 'Indexed: lists completed indexes and creates none for them',
    objects: [
      job({ completionMode: 'Indexed', completions: 3, parallelism: 3 }, { ...running, active: 3, completedIndexes: '0' }),
      pod('a', 'Succeeded', { index: 2 }),
      pod('b', 'Running', { index: 1 }),
    ],
    actions: [STATUS, 'update pods default/a'],
    status: { active: 1, ready: 1, succeeded: 2, completedIndexes: '0,2' },
  },
  {
    name: 'suspended: no pods, the Suspended condition',
    objects: [job({ suspend: true, parallelism: 2 })],
    actions: [STATUS],
    events: ['Normal Suspended Job suspended'],
    status: { conditions: [cond('Suspended', 'JobSuspended', 'Job suspended')] },
  },
  {
    name: 'suspended with active pods: deletes them, not-ready first, releasing their finalizers',
    objects: [job({ suspend: true, parallelism: 2 }, { ...running, active: 2 }), pod('a', 'Running'), pod('b', 'Running', { ready: false })],
    actions: ['update pods default/b', 'update pods default/a', 'delete pods default/b', 'delete pods default/a', STATUS],
    events: ['Normal SuccessfulDelete Deleted pod: b', 'Normal SuccessfulDelete Deleted pod: a', 'Normal Suspended Job suspended'],
    status: { terminating: 2, conditions: [cond('Suspended', 'JobSuspended', 'Job suspended')] },
  },
  {
    name: 'work queue (no completions): a success ends creation, not the running pods',
    objects: [job({ parallelism: 2 }, { ...running, active: 2 }), pod('a', 'Succeeded'), pod('b', 'Running')],
    actions: [STATUS, 'update pods default/a', STATUS],
    status: { active: 1, succeeded: 1 },
  },
  {
    name: 'leaves a finished Job alone',
    objects: [job({}, { ...running, succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }), pod('a', 'Running')],
    actions: [],
  },
  {
    name: 'leaves a Job managed by another controller alone',
    objects: [job({ managedBy: 'example.com/other' })],
    actions: [],
  },
  {
    name: 'a failed create stops the batch and is reported',
    objects: [job({ completions: 3, parallelism: 3 })],
    fail: [['create', 'pods']],
    actions: ['create pods default/pi-1', STATUS],
    events: ['Warning FailedCreate Error creating: injected create pods failure'],
    status: { startTime: NOW, ready: 0 },
  },
];

describe('Job controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    for (const [verb, resource] of row.fail ?? []) ctx.fakeClient.failNext(verb, resource);
    await new JobController(ctx).sync('default/pi');
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    if (row.status) expect(ctx.fakeClient.actions.findLast((a) => a.verb === 'update-status')?.object?.status).toMatchObject(row.status);
  });

  it('gives Indexed pods their index: name, label, annotation, hostname and env', async () => {
    const ctx = new FakeContext();
    ctx.seed(job({ completionMode: 'Indexed', completions: 4, parallelism: 1 }, { ...running, completedIndexes: '0,1' }));
    await new JobController(ctx).sync('default/pi');
    const created = ctx.fakeClient.actions.find((a) => a.verb === 'create')!.object as unknown as Pod;
    expect(created.metadata).toMatchObject({ generateName: 'pi-2-', labels: { [INDEX]: '2' }, annotations: { [INDEX]: '2' }, finalizers: [TRACKING] });
    expect(created.spec?.hostname).toBe('pi-2');
    expect(created.spec?.containers[0]?.env).toContainEqual({
      name: 'JOB_COMPLETION_INDEX',
      valueFrom: { fieldRef: { fieldPath: `metadata.labels['${INDEX}']` } },
    });
  });
});
