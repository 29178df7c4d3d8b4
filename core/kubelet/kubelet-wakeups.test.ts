// The kubelet's wake-ups, on a manual clock: it retries a container whose start failed
// (ErrImageNeverPull here), backing off, and looks at a pod again when a readiness delay ends.
// The clock fires timers 1 ms early, as Node's timers may: a wake that finds the wait not over
// must set another, or the retry would never come. The work queue keeps one wake-up per pod,
// the earliest: each sync must ask again for the later ones it still needs.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../client/clock';
import { startTestCluster, type TestCluster } from '../../test/support/node-cluster';

class EarlyClock extends ManualClock {
  readonly waits: number[] = [];
  early = 1;
  private waiters: Array<() => void> = [];
  override after(ms: number, fn: () => void): () => void {
    this.waits.push(ms);
    for (const w of this.waiters.splice(0)) w();
    return super.after(Math.max(0, ms - this.early), fn);
  }
  /** Resolves once something asked, times times in all, to be woken after ms. */
  async asked(ms: number, times = 1): Promise<void> {
    while (this.waits.filter((w) => w === ms).length < times) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

const INITIAL = 10_000;
let t: TestCluster;
let clock: EarlyClock;

beforeEach(async () => {
  clock = new EarlyClock();
  t = await startTestCluster({ nodes: 2, clock, timings: { restartBackoffInitialMs: INITIAL, restartBackoffMaxMs: 4 * INITIAL } });
});

afterEach(async () => {
  await t.stop();
});

const createPod = (name: string, imagePullPolicy: 'Never' | 'IfNotPresent', containers: Container[] = [{ name: 'web', image: 'nginx', imagePullPolicy }]) =>
  t.cluster.context.client('test', 'admin').create<Pod>('', 'pods', 'default', { metadata: { name, namespace: 'default' }, spec: { nodeName: 'wrk1', containers } });

const neverPullCount = (uid: string) => t.events(uid).find((e) => e.reason === 'ErrImageNeverPull')?.count ?? 0;
const waitingReason = (name: string) => t.pod(name)?.status?.containerStatuses?.[0]?.state?.waiting?.reason;

describe('kubelet start retries', () => {
  it('retries ErrImageNeverPull after a doubling backoff, waking again when a wake comes early', async () => {
    const pod = await createPod('never', 'Never');
    const uid = pod.metadata!.uid!;
    await t.until(() => waitingReason('never') === 'ErrImageNeverPull' && neverPullCount(uid) === 1);
    await clock.asked(INITIAL);

    // The wake comes 1 ms early, finds the wait not over, and sets a 1 ms one.
    clock.advance(INITIAL - 1);
    await clock.asked(1);
    expect(neverPullCount(uid)).toBe(1);
    clock.advance(1);
    await t.until(() => neverPullCount(uid) === 2);
    // The second failure doubles the wait.
    await clock.asked(2 * INITIAL);

    clock.advance(2 * INITIAL);
    await t.until(() => neverPullCount(uid) === 3);
    expect(waitingReason('never')).toBe('ErrImageNeverPull');
  });

  it('starts the container once the image is on the node and the backoff is over', async () => {
    const never = await createPod('never', 'Never');
    await t.until(() => waitingReason('never') === 'ErrImageNeverPull');
    const puller = await createPod('puller', 'IfNotPresent');
    const hasEvent = (reason: string, pod = puller) => t.events(pod.metadata!.uid!).some((e) => e.reason === reason);
    // The simulated pull and start take 5 ms each of the cluster's clock.
    await t.until(() => hasEvent('Pulling'));
    clock.advance(5);
    await t.until(() => hasEvent('Created'));
    clock.advance(5);
    await t.until(() => t.pod('puller')?.status?.phase === 'Running');
    expect(waitingReason('never')).toBe('ErrImageNeverPull');

    clock.advance(INITIAL);
    await t.until(() => hasEvent('Created', never));
    clock.advance(5);
    const running = await t.until(() => {
      const p = t.pod('never');
      return p?.status?.phase === 'Running' && p;
    });
    expect(running.status!.containerStatuses![0]!).toMatchObject({ restartCount: 0, state: { running: {} } });
  });

  it('a later readiness delay is still honoured after an earlier wake-up', async () => {
    clock.early = 0;
    const readyAfter = (seconds: number) => ({ exec: { command: ['true'] }, initialDelaySeconds: seconds });
    const pod = await createPod('delays', 'IfNotPresent', [
      { name: 'quick', image: 'nginx', readinessProbe: readyAfter(10) },
      { name: 'slow', image: 'nginx', readinessProbe: readyAfter(20) },
    ]);
    const ready = () => Object.fromEntries((t.pod('delays')?.status?.containerStatuses ?? []).map((c) => [c.name, c.ready]));
    const running = () => (t.pod('delays')?.status?.containerStatuses ?? []).filter((c) => c.state?.running).length;
    const events = (reason: string) => t.events(pod.metadata.uid!).filter((e) => e.reason === reason);
    // Pull and start take 5 ms each; both containers start at once, so their delays end 10 s apart.
    await t.until(() => events('Pulling').length > 0);
    clock.advance(5);
    await t.until(() => events('Created').length === 2);
    clock.advance(5);
    await t.until(() => running() === 2);
    expect(ready()).toEqual({ quick: false, slow: false });
    // One wake-up is pending, quick's: slow's later one was not kept.
    await clock.asked(10_000);

    clock.advance(10_000);
    await t.until(() => ready().quick === true);
    expect(ready().slow).toBe(false);
    // The sync that found quick ready asked again for slow's.
    await clock.asked(10_000, 2);
    clock.advance(10_000);
    await t.until(() => ready().slow === true);
    expect(t.pod('delays')?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });
});
