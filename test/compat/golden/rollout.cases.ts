// kubectl rollout status|history|undo|pause|resume|restart. The shared Deployment "web" is
// settled (one revision); isolated cases build what they need: a Deployment "app" with two
// revisions, a paused one with a pending template, a DaemonSet and a StatefulSet updated once.
import type { GoldenCase } from './case';

const WORKLOADS = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: busybox:1.36, command: [sleep, "3600"]}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 2
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: redis:7}]}
`;

/** Deployment "app" at revision 2 (nginx 1.27, then 1.28 with a change-cause), settled. */
const TWO_REVISIONS: string[][] = [
  ['create', 'deployment', 'app', '--image=nginx:1.27', '--replicas=2'],
  ['rollout', 'status', 'deployment/app', '--timeout=60s'],
  ['set', 'image', 'deployment/app', 'nginx=nginx:1.28'],
  ['annotate', 'deployment/app', 'kubernetes.io/change-cause=upgrade to 1.28'],
  ['rollout', 'status', 'deployment/app', '--timeout=60s'],
];

/** Deployment "app" paused after its first rollout, with a new image waiting. */
const PAUSED: string[][] = [
  ['create', 'deployment', 'app', '--image=nginx:1.27'],
  ['rollout', 'status', 'deployment/app', '--timeout=60s'],
  ['rollout', 'pause', 'deployment/app'],
  ['set', 'image', 'deployment/app', 'nginx=nginx:1.28'],
];

/** DaemonSet "agent" and StatefulSet "db", each at revision 2. */
const DS_STS: string[][] = [
  ['create', '-f', '$DIR/workloads.yaml'],
  ['rollout', 'status', 'daemonset/agent', '--timeout=60s'],
  ['rollout', 'status', 'statefulset/db', '--timeout=60s'],
  ['set', 'image', 'daemonset/agent', 'agent=busybox:1.37'],
  ['set', 'image', 'statefulset/db', 'db=redis:7.2'],
  ['rollout', 'status', 'daemonset/agent', '--timeout=60s'],
  ['rollout', 'status', 'statefulset/db', '--timeout=60s'],
];

const twoRevisions = (args: string[], title?: string): GoldenCase => ({ args, isolated: true, setup: TWO_REVISIONS, title });
const paused = (args: string[], title?: string): GoldenCase => ({ args, isolated: true, setup: PAUSED, title });
const dsSts = (args: string[]): GoldenCase => ({ args, isolated: true, setup: DS_STS, files: { 'workloads.yaml': WORKLOADS } });

export const cases: GoldenCase[] = [
  // status
  { args: ['rollout', 'status', 'deployment/web'] },
  { args: ['rollout', 'status', 'deployment', 'web'] },
  { args: ['rollout', 'status', 'deploy', '-l', 'app=web'] },
  { args: ['rollout', 'status', 'deploy', '-l', 'app=nope'] },
  { args: ['rollout', 'status', 'deploy/web', '--watch=false'] },
  { args: ['rollout', 'status', 'deploy/web', '--revision=1'] },
  { args: ['rollout', 'status', 'deploy/web', '--revision=2'] },
  { args: ['rollout', 'status', 'deploy/web', '--revision=-1'] },
  { args: ['rollout', 'status', 'deploy/web', '--timeout=5s'] },
  { args: ['rollout', 'status', 'deploy/web', '--timeout=soon'] },
  { args: ['rollout', 'status', 'deploy/nope', 'deploy/web'] },
  { args: ['rollout', 'status', 'deploy', 'web', '-l', 'app=web'] },
  { args: ['rollout', 'status', 'deploy/'] },
  { args: ['rollout', 'status', 'configmap/settings'] },
  { args: ['rollout', 'status', 'all'], title: 'kubectl rollout status all (one status, then every kind without a status viewer)' },
  { args: ['rollout', 'status'] },
  { args: ['rollout', 'status', 'nosuchtype/x'] },
  { args: ['rollout', 'status', 'deploy/web', '-o', 'yaml'] },
  paused(['rollout', 'status', 'deploy/app', '--watch=false'], 'kubectl rollout status --watch=false on a paused deployment with a new template'),
  paused(['rollout', 'status', 'deploy/app', '--timeout=2s'], 'kubectl rollout status --timeout on a rollout that cannot progress'),
  dsSts(['rollout', 'status', 'daemonset/agent']),
  dsSts(['rollout', 'status', 'statefulset/db']),
  // history
  { args: ['rollout', 'history', 'deployment/web'] },
  { args: ['rollout', 'history', 'deploy/web', '--revision=1'] },
  { args: ['rollout', 'history', 'deploy/web', '--revision=3'] },
  { args: ['rollout', 'history', 'deploy/web', '--revision=-2'] },
  { args: ['rollout', 'history', 'deploy/web', '-o', 'name'] },
  { args: ['rollout', 'history', 'deploy/web', '-o', 'jsonpath={.metadata.labels.app}'] },
  { args: ['rollout', 'history', 'deploy/web', '-o', 'wide'] },
  { args: ['rollout', 'history', 'deploy/web', '-o', 'yaml'] },
  { args: ['rollout', 'history', 'deploy/web', '--revision=1', '-o', 'json'] },
  { args: ['rollout', 'history', 'deploy', '-l', 'app=nope'] },
  { args: ['rollout', 'history', 'deploy/nope', 'deploy/web'] },
  { args: ['rollout', 'history', 'configmap/settings'] },
  { args: ['rollout', 'history', 'svc/web', 'deploy/web'], title: 'kubectl rollout history of a kind the history visitor does not know, then a deployment' },
  twoRevisions(['rollout', 'history', 'deploy/app']),
  twoRevisions(['rollout', 'history', 'deploy/app', '--revision=2']),
  dsSts(['rollout', 'history', 'daemonset/agent']),
  dsSts(['rollout', 'history', 'statefulset/db', '--revision=1']),
  dsSts(['rollout', 'history', 'statefulset/db', '-o', 'name']),
  dsSts(['rollout', 'history', 'daemonset/agent', '-o', 'yaml']),
  // undo
  twoRevisions(['rollout', 'undo', 'deploy/app']),
  twoRevisions(['rollout', 'undo', 'deploy/app', '--to-revision=1', '-o', 'name']),
  twoRevisions(['rollout', 'undo', 'deploy/app', '--to-revision=2']),
  twoRevisions(['rollout', 'undo', 'deploy/app', '--to-revision=7']),
  twoRevisions(['rollout', 'undo', 'deploy/app', '--to-revision=-1']),
  twoRevisions(['rollout', 'undo', 'deploy/app', '--dry-run=client']),
  twoRevisions(['rollout', 'undo', 'deploy/app', '--dry-run=server']),
  twoRevisions(['rollout', 'undo', 'deploy/app', '--dry-run=maybe']),
  {
    ...twoRevisions(['rollout', 'undo', 'deploy/app', '--dry-run']),
    title: 'kubectl rollout undo --dry-run (bare): a deprecation warning in klog format, whose time and pid are masked',
    mask: [[/^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /m, 'W0000 00:00:00.000000 PID ']],
  },
  {
    args: ['rollout', 'history', 'deploy/app'],
    isolated: true,
    setup: [...TWO_REVISIONS, ['rollout', 'undo', 'deploy/app'], ['rollout', 'status', 'deploy/app', '--timeout=60s']],
    title: 'kubectl rollout history after an undo: revision 1 came back as 3',
  },
  { args: ['rollout', 'undo', 'deploy/web'], title: 'kubectl rollout undo with a single revision' },
  { args: ['rollout', 'undo', 'configmap/settings'] },
  { args: ['rollout', 'undo', 'deploy', '-l', 'app=nope'] },
  paused(['rollout', 'undo', 'deploy/app']),
  paused(['rollout', 'undo', 'deploy/app', '--dry-run=client']),
  dsSts(['rollout', 'undo', 'daemonset/agent', '--dry-run=client']),
  dsSts(['rollout', 'undo', 'statefulset/db']),
  dsSts(['rollout', 'undo', 'statefulset/db', '--to-revision=2']),
  // pause, resume, restart
  twoRevisions(['rollout', 'pause', 'deploy/app']),
  twoRevisions(['rollout', 'pause', 'deploy/app', '-o', 'jsonpath={.spec.paused}']),
  twoRevisions(['rollout', 'resume', 'deploy/app']),
  twoRevisions(['rollout', 'restart', 'deploy/app']),
  twoRevisions(['rollout', 'restart', 'deployment', '-l', 'app=app', '-o', 'name']),
  twoRevisions(['rollout', 'restart', 'deploy/app', '-o', 'yaml']),
  twoRevisions(['rollout', 'undo', 'deploy/app', '-o', 'json']),
  paused(['rollout', 'pause', 'deploy/app']),
  paused(['rollout', 'resume', 'deploy/app', '-o', 'name']),
  paused(['rollout', 'restart', 'deploy/app']),
  paused(['rollout', 'pause', 'deploy/nope', 'deploy/app']),
  { args: ['rollout', 'pause', 'configmap/settings'] },
  { args: ['rollout', 'resume', 'deploy', '-l', 'app=nope'] },
  { args: ['rollout', 'restart', 'secret/db', 'configmap/settings'] },
  { args: ['rollout', 'resume'] },
  dsSts(['rollout', 'pause', 'daemonset/agent']),
  dsSts(['rollout', 'restart', 'daemonset/agent', 'statefulset/db']),
];
