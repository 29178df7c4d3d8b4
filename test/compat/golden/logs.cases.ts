// kubectl logs. Pods run on the simulated runtime, whose `echo` prints, so each case sets up
// pods that wrote known lines and finished. kubectl reads several logs in Go map order (-l with
// several pods, --all-containers with several containers, --all-pods): those are left out, as
// their order is not defined. Timestamps (--timestamps) are masked with the other times.
import type { GoldenCase } from './case';

const TWO = [
  'run',
  'two',
  '--image=busybox:1.36',
  '--restart=Never',
  '--overrides={"spec":{"containers":[{"name":"a","image":"busybox:1.36","command":["sh","-c","echo one; echo two; echo three"]},{"name":"b","image":"busybox:1.36","command":["sh","-c","echo bee"]}]}}',
];
const ONE = ['run', 'one', '--image=busybox:1.36', '--restart=Never', '--labels=app=one', '--', 'sh', '-c', 'echo first; echo second; echo third'];

/** Pod "two" (containers a: three lines, b: one) and pod "one", both finished. */
const PODS: string[][] = [
  TWO,
  ONE,
  ['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/two', 'pod/one', '--timeout=60s'],
];

/** A one-replica Deployment "hello", a Job "once", and a pod whose default container is annotated. */
const WORKLOADS: string[][] = [
  ['create', 'deployment', 'hello', '--image=busybox:1.36', '--', 'sh', '-c', 'echo hello from deploy; sleep 3600'],
  ['create', 'job', 'once', '--image=busybox:1.36', '--', 'echo', 'job done'],
  [...TWO.slice(0, 4), '--annotations=kubectl.kubernetes.io/default-container=b', TWO[4]!],
  ['rollout', 'status', 'deployment/hello', '--timeout=60s'],
  ['wait', '--for=condition=Complete', 'job/once', '--timeout=60s'],
  ['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/two', '--timeout=60s'],
];

const pods = (args: string[], title?: string): GoldenCase => ({ args: ['logs', ...args], isolated: true, setup: PODS, title });
const workloads = (args: string[]): GoldenCase => ({ args: ['logs', ...args], isolated: true, setup: WORKLOADS });

export const cases: GoldenCase[] = [
  pods(['one']),
  pods(['pod/one']),
  pods(['two'], 'kubectl logs of a pod with two containers and no -c: the first, and a note on stderr'),
  pods(['two', '-c', 'b']),
  pods(['two', 'b']),
  pods(['two', '--container=a', '--tail=1']),
  pods(['one', '--tail=2']),
  pods(['one', '--tail=0']),
  pods(['one', '--tail=-1']),
  pods(['one', '--limit-bytes=8']),
  pods(['one', '--since=1h']),
  pods(['one', '--since-time=2020-01-01T00:00:00Z']),
  pods(['one', '--timestamps']),
  pods(['one', '--prefix']),
  pods(['two', '-c', 'a', '--prefix', '--tail=2']),
  pods(['one', '--all-containers']),
  pods(['one', '-f']),
  pods(['two', '-c', 'b', '--follow', '--prefix']),
  pods(['-l', 'app=one']),
  pods(['-l', 'app=one', '--tail=1', '--prefix']),
  pods(['-l', 'app=one', '-f']),
  pods(['-l', 'app=nope']),
  pods(['one', '-p']),
  pods(['two', '-c', 'nope']),
  pods(['two', '-c', 'a', 'b']),
  pods(['two', '--all-containers', '-c', 'a']),
  pods(['one', '--tail=-5']),
  pods(['one', '--limit-bytes=-1']),
  pods(['one', '--since=-1s']),
  pods(['one', '--since=1h', '--since-time=2020-01-01T00:00:00Z']),
  pods(['one', '--since-time=yesterday']),
  pods(['one', '--since=soon']),
  pods(['one', '--pod-running-timeout=0']),
  workloads(['deploy/hello']),
  workloads(['deployment/hello', '--prefix']),
  workloads(['job/once']),
  workloads(['jobs/once', '-f']),
  workloads(['two']),
  workloads(['deploy/hello', '--all-pods']),
  { args: ['logs', 'deploy/web', '--tail=5'], title: 'kubectl logs of a two-replica deployment names the pod it chose', mask: [[/web-[a-z0-9]+-[a-z0-9]{5}/g, 'web-POD']] },
  { args: ['logs'] },
  { args: ['logs', 'a', 'b', 'c'] },
  { args: ['logs', 'x', '-l', 'app=web'] },
  { args: ['logs', 'nope'] },
  { args: ['logs', 'deploy/nope'] },
  { args: ['logs', 'configmap/settings'] },
  { args: ['logs', 'svc/nope'] },
  { args: ['logs', 'nosuchtype/x'] },
];
