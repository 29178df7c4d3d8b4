// kubectl cordon, uncordon and drain. Nodes are shared by the whole cluster, so each case that
// changes one adds its own: a managed Node named after the side's namespace ($NS, shown masked
// as NAMESPACE), labelled pool=$NS, with pods pinned to it by nodeName. Each case evicts at most
// one pod: kubectl evicts in parallel goroutines, so the order of several is not defined.
import type { GoldenCase } from './case';

const NODE = `apiVersion: v1
kind: Node
metadata:
  name: $NS
  labels: {pool: $NS}
  annotations: {wheelhouse.dev/managed: "true"}
`;

/** A ReplicaSet of one pod on the case's node (a controller: drain may evict it). */
const replicaSet = (name: string, extra = '') => `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: ${name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      nodeName: $NS
      containers: [{name: c, image: nginx:1.27${extra ? ', volumeMounts: [{name: scratch, mountPath: /scratch}]' : ''}}]${extra}
`;

const PODS: Record<string, string> = {
  app: replicaSet('app'),
  cache: replicaSet('cache', '\n      volumes: [{name: scratch, emptyDir: {}}]'),
  bare: `apiVersion: v1
kind: Pod
metadata: {name: bare, labels: {app: bare}}
spec: {nodeName: $NS, containers: [{name: c, image: nginx:1.27}]}
`,
  agent: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {nodeSelector: {pool: $NS}, containers: [{name: c, image: nginx:1.27}]}
`,
  pdb: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: app}
spec: {minAvailable: 1, selector: {matchLabels: {app: app}}}
`,
};

/** An isolated case on a fresh node with the given pods (keys of PODS), all running; `before` runs last. */
function onNode(args: string[], pods: string[], before: string[][] = [], title?: string): GoldenCase {
  const files: Record<string, string> = { 'node.yaml': NODE };
  for (const p of pods) files[`${p}.yaml`] = PODS[p]!;
  return {
    args,
    isolated: true,
    files,
    title,
    setup: [
      ['create', '-f', '$DIR/node.yaml'],
      ['wait', '--for=condition=Ready', 'node/$NS', '--timeout=60s'],
      ...pods.map((p) => ['create', '-f', `$DIR/${p}.yaml`]),
      ...(pods.some((p) => p !== 'pdb') ? [['wait', '--for=condition=Ready', 'pod', '--all', '--timeout=60s']] : []),
      ...before,
    ],
  };
}

export const cases: GoldenCase[] = [
  // cordon, uncordon
  onNode(['cordon', '$NS'], []),
  onNode(['cordon', 'node/$NS'], [], [['cordon', '$NS']]),
  onNode(['cordon', '-l', 'pool=$NS'], []),
  onNode(['cordon', '$NS', '--dry-run=client'], []),
  onNode(['cordon', '$NS', '--dry-run=server'], []),
  onNode(['cordon', '$NS', '--dry-run=maybe'], []),
  onNode(['uncordon', '$NS'], []),
  onNode(['uncordon', '$NS'], [], [['cordon', '$NS']]),
  onNode(['uncordon', 'nodes', '$NS'], [], [['cordon', '$NS']], 'kubectl uncordon nodes NAME (a type word is a node name)'),
  { args: ['cordon'] },
  { args: ['uncordon'] },
  { args: ['cordon', 'wrk1', '-l', 'pool=x'] },
  { args: ['cordon', 'nope'] },
  { args: ['uncordon', 'pod/nope'] },
  { args: ['cordon', 'configmap/settings'] },
  { args: ['cordon', '-l', 'pool=nope'] },
  { args: ['cordon', 'wrk1', '-o', 'yaml'] },
  { args: ['cordon', 'nosuchtype/x'] },
  // drain
  { args: ['drain'] },
  { args: ['drain', 'wrk1', '--selector=pool=x'] },
  { args: ['drain', 'nope'] },
  { args: ['drain', 'wrk1', '--timeout=abc'] },
  { args: ['drain', 'wrk1', '--pod-selector=a in b'] },
  onNode(['drain', '$NS'], [], [], 'kubectl drain of a node without pods'),
  onNode(['drain', '$NS'], ['app']),
  onNode(['drain', '$NS', '--grace-period=0', '--timeout=60s'], ['app']),
  onNode(['drain', '-l', 'pool=$NS'], ['app']),
  onNode(['drain', '$NS'], ['app'], [['cordon', '$NS']], 'kubectl drain of a node already cordoned'),
  onNode(['drain', '$NS', '--disable-eviction'], ['app']),
  onNode(['drain', '$NS'], ['bare']),
  onNode(['drain', '$NS', '--force'], ['bare']),
  onNode(['drain', '$NS', '--pod-selector=app=app'], ['app', 'bare']),
  onNode(['drain', '$NS', '--pod-selector', 'app!=app', '--force'], ['app', 'bare']),
  onNode(['drain', '$NS', '--dry-run=client', '--force'], ['app', 'bare']),
  onNode(['drain', '$NS', '--dry-run=server'], ['app']),
  onNode(['drain', '$NS', '--dry-run=client'], ['bare']),
  onNode(['drain', '$NS'], ['agent']),
  onNode(['drain', '$NS', '--ignore-daemonsets'], ['agent']),
  onNode(['drain', '$NS', '--ignore-daemonsets', '--dry-run=client'], ['agent', 'app']),
  onNode(['drain', '$NS'], ['cache']),
  onNode(['drain', '$NS', '--delete-emptydir-data'], ['cache']),
  onNode(['drain', '$NS', '--timeout=2s'], ['app', 'pdb'], [['wait', '--for=jsonpath={.status.currentHealthy}=1', 'pdb/app', '--timeout=30s']], 'kubectl drain refused by a PodDisruptionBudget (429), retried after 5s, then the global timeout'),
];
