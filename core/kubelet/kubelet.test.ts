import type { Container, Pod } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../../test/support/node-cluster';

let t: TestCluster;

beforeEach(async () => {
  t = await startTestCluster({ nodes: 3 });
});

afterEach(async () => {
  await t.stop();
});

const client = () => t.cluster.context.client('test', 'admin');

async function createPod(name: string, containers: Container[], extra: Partial<NonNullable<Pod['spec']>> = {}) {
  return client().create<Pod>('', 'pods', 'default', { metadata: { name, namespace: 'default' }, spec: { nodeName: 'wrk1', containers, ...extra } });
}

const conditions = (p: Pod | undefined) => Object.fromEntries((p?.status?.conditions ?? []).map((c) => [c.type, c.status]));

describe('Kubelet on the simulated runtime', () => {
  it('runs a bound pod: Pending/ContainerCreating, then Running and Ready, with the kubelet events', async () => {
    const created = await createPod('web', [{ name: 'nginx', image: 'nginx:1.8' }]);
    const pending = await t.until(() => {
      const p = t.pod('web');
      return p?.status?.containerStatuses?.[0]?.state?.waiting && p;
    });
    expect(pending.status?.phase).toBe('Pending');
    expect(pending.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(conditions(pending)).toMatchObject({ PodReadyToStartContainers: 'True', Initialized: 'True', Ready: 'False', ContainersReady: 'False', PodScheduled: 'True' });
    expect(pending.status?.conditions?.find((c) => c.type === 'Ready')?.message).toBe('containers with unready status: [nginx]');

    const running = await t.until(() => {
      const p = t.pod('web');
      return p?.status?.phase === 'Running' && conditions(p).Ready === 'True' && p;
    });
    const cs = running.status!.containerStatuses![0]!;
    expect(cs).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.8', lastState: {} });
    expect(cs.containerID).toMatch(/^simulated:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.state?.running?.startedAt).toBeTruthy();
    expect(running.status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(running.status?.podIPs).toEqual([{ ip: running.status?.podIP }]);
    expect(running.status?.hostIP).toBe('172.18.0.3');
    expect(running.status?.startTime).toBeTruthy();
    expect(running.status?.qosClass).toBe('BestEffort');
    expect(running.status?.conditions?.map((c) => c.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

    const events = await t.until(() => {
      const evs = t.events(created.metadata.uid!);
      return evs.some((e) => e.reason === 'Started') && evs;
    });
    const byReason = Object.fromEntries(events.map((e) => [e.reason, e]));
    expect(byReason.Pulling?.message).toBe('Pulling image "nginx:1.8"');
    expect(byReason.Pulled?.message).toMatch(/^Successfully pulled image "nginx:1.8" in \d+ms \(\d+ms including waiting\)\. Image size: \d+ bytes\.$/);
    expect(byReason.Created?.message).toBe('Created container: nginx');
    expect(byReason.Started?.message).toBe('Started container nginx');
    expect(byReason.Started?.source).toEqual({ component: 'kubelet', host: 'wrk1' });
    expect(byReason.Started?.involvedObject.fieldPath).toBe('spec.containers{nginx}');
  });

  it('runs a job-like pod to Succeeded and keeps what it printed', async () => {
    await createPod('job', [{ name: 'hi', image: 'busybox', command: ['sh', '-c', 'echo hi'] }], { restartPolicy: 'Never' });
    const done = await t.until(() => t.pod('job')?.status?.phase === 'Succeeded' && t.pod('job'));
    const term = done.status?.containerStatuses?.[0]?.state?.terminated;
    expect(term).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(conditions(done)).toMatchObject({ PodReadyToStartContainers: 'False', Ready: 'False', ContainersReady: 'False' });
    expect(done.status?.conditions?.find((c) => c.type === 'Ready')?.reason).toBe('PodCompleted');
    expect(t.manager.kubelet('wrk1')?.containerLogs('default', 'job', 'hi')?.logs().map((l) => l.text)).toEqual(['hi']);
  });

  it.each([
    { name: 'never-fails', policy: 'Never' as const, command: ['false'], phase: 'Failed', exitCode: 1, reason: 'Error' },
    { name: 'onfailure-ok', policy: 'OnFailure' as const, command: ['true'], phase: 'Succeeded', exitCode: 0, reason: 'Completed' },
    { name: 'exit-3', policy: 'Never' as const, command: ['sh', '-c', 'exit 3'], phase: 'Failed', exitCode: 3, reason: 'Error' },
  ])('restartPolicy $policy with $command ends $phase', async ({ name, policy, command, phase, exitCode, reason }) => {
    await createPod(name, [{ name: 'c', image: 'busybox', command }], { restartPolicy: policy });
    const done = await t.until(() => t.pod(name)?.status?.phase === phase && t.pod(name));
    expect(done.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode, reason });
  });

  it('restarts a crashing container with backoff: CrashLoopBackOff and a growing restartCount', async () => {
    const created = await createPod('crash', [{ name: 'c', image: 'busybox', command: ['false'] }]);
    const looping = await t.until(() => {
      const cs = t.pod('crash')?.status?.containerStatuses?.[0];
      return cs?.state?.waiting?.reason === 'CrashLoopBackOff' && (cs.restartCount ?? 0) >= 2 && t.pod('crash');
    });
    const cs = looping.status!.containerStatuses![0]!;
    expect(looping.status?.phase).toBe('Running');
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.state?.waiting?.message).toMatch(
      new RegExp(`^back-off \\d+ms restarting failed container=c pod=crash_default\\(${created.metadata.uid}\\)$`),
    );
    const backOff = await t.until(() => t.events(created.metadata.uid!).find((e) => e.reason === 'BackOff'));
    expect(backOff.type).toBe('Warning');
    expect(backOff.message).toBe(`Back-off restarting failed container c in pod crash_default(${created.metadata.uid})`);
  });

  it("serves a restarting container's last log, as the kubelet reads lastState.terminated while the next one is created", async () => {
    await createPod('crash', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo once; exit 1'] }]);
    let unreadable = 0;
    await t.until(() => {
      const cs = t.pod('crash')?.status?.containerStatuses?.[0];
      if (cs?.lastState?.terminated && !t.manager.kubelet('wrk1')?.containerLogs('default', 'crash', 'c')) unreadable++;
      return (cs?.restartCount ?? 0) >= 3;
    });
    expect(unreadable).toBe(0);
    expect(t.manager.kubelet('wrk1')?.containerLogs('default', 'crash', 'c')?.logs().map((l) => l.text)).toEqual(['once']);
  });

  it('runs init containers in order before the app containers', async () => {
    await createPod('init', [{ name: 'app', image: 'nginx' }], {
      initContainers: [
        { name: 'one', image: 'busybox', command: ['sh', '-c', 'sleep 0.05'] },
        { name: 'two', image: 'busybox', command: ['true'] },
      ],
    });
    const initializing = await t.until(() => t.pod('init')?.status?.initContainerStatuses && t.pod('init'));
    expect(initializing.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(initializing.status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' });
    const running = await t.until(() => t.pod('init')?.status?.phase === 'Running' && t.pod('init'));
    const [one, two] = running.status!.initContainerStatuses!;
    expect(one?.state?.terminated?.reason).toBe('Completed');
    expect(two?.state?.terminated?.reason).toBe('Completed');
    expect(Date.parse(two!.state!.terminated!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(one!.state!.terminated!.finishedAt!));
    expect(conditions(running).Initialized).toBe('True');
  });

  it('shows an invalid image name as InvalidImageName', async () => {
    await createPod('bad', [{ name: 'c', image: 'Nginx:1.8' }]);
    const p = await t.until(() => t.pod('bad')?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'InvalidImageName' && t.pod('bad'));
    expect(p.status?.containerStatuses?.[0]?.state?.waiting?.message).toContain('couldn\'t parse image name "Nginx:1.8"');
  });

  it('stops a deleted pod within its grace period, then removes it', async () => {
    const created = await createPod('bye', [{ name: 'nginx', image: 'nginx' }]);
    await t.until(() => t.pod('bye')?.status?.phase === 'Running');
    const gone = t.until(() => !t.pod('bye'));
    await client().delete('', 'pods', 'default', 'bye', { gracePeriodSeconds: 30 });
    await gone;
    const killing = await t.until(() => t.events(created.metadata.uid!).find((e) => e.reason === 'Killing'));
    expect(killing.message).toBe('Stopping container nginx');
  });
});
