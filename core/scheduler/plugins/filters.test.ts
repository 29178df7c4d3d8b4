import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { pendingPod, readyNode } from '../../../test/support/scheduler-fixtures';
import { interPodAffinityFilter } from './inter-pod-affinity';
import { nodeAffinityFilter } from './node-affinity';
import { nodeName } from './node-name';
import { nodePorts } from './node-ports';
import { nodeResourcesFitFilter } from './node-resources-fit';
import { nodeUnschedulable } from './node-unschedulable';
import { podTopologySpreadFilter } from './pod-topology-spread';
import { taintTolerationFilter } from './taint-toleration';
import { filterReasons, onNode, snapshotOf } from '../../../test/support/scheduler-cluster';

const AFFINITY_MISMATCH = "node(s) didn't match Pod's node affinity/selector";
const zoned = (name: string, zone: string, extra: Record<string, string> = {}) => readyNode(name, { labels: { zone, ...extra } });
const web = (name: string) => pendingPod(name, {}, {}, { app: 'web' });
const withPort = (name: string, hostPort: number, hostIP?: string) =>
  pendingPod(name, {}, { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort, ...(hostIP ? { hostIP } : {}) }] }] });

interface Row {
  name: string;
  pod: Kube<Pod>;
  nodes: Kube<Node>[];
  pods?: Kube<Pod>[];
  want: Record<string, string>;
}

describe('NodeUnschedulable, NodeName, TaintToleration', () => {
  const filters = [nodeUnschedulable, nodeName, taintTolerationFilter];
  const cp = readyNode('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  it.each<Row>([
    { name: 'cordoned node', pod: pendingPod('p'), nodes: [readyNode('a', { unschedulable: true }), readyNode('b')], want: { a: 'node(s) were unschedulable', b: '' } },
    {
      name: 'cordoned node, tolerated',
      pod: pendingPod('p', {}, { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
      nodes: [readyNode('a', { unschedulable: true })],
      want: { a: '' },
    },
    { name: 'node name', pod: pendingPod('p', {}, { nodeName: 'b' }), nodes: [readyNode('a'), readyNode('b')], want: { a: "node(s) didn't match the requested node name", b: '' } },
    { name: 'control-plane taint', pod: pendingPod('p'), nodes: [cp], want: { cp: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' } },
    { name: 'tolerated by Exists', pod: pendingPod('p', {}, { tolerations: [{ operator: 'Exists' }] }), nodes: [cp], want: { cp: '' } },
    {
      name: 'NoExecute with a value',
      pod: pendingPod('p', {}, { tolerations: [{ key: 'k', value: 'other', effect: 'NoExecute' }] }),
      nodes: [readyNode('a', { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] })],
      want: { a: 'node(s) had untolerated taint {k: v}' },
    },
    { name: 'PreferNoSchedule does not filter', pod: pendingPod('p'), nodes: [readyNode('a', { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] })], want: { a: '' } },
  ])('$name', ({ pod, nodes, pods, want }) => expect(filterReasons(filters, pod, snapshotOf(nodes, pods))).toEqual(want));
});

describe('NodeAffinity', () => {
  const nodes = [readyNode('a', { labels: { disk: 'ssd', gen: '5' } }), readyNode('b', { labels: { disk: 'hdd', gen: '3' } }), readyNode('c')];
  const required = (...matchExpressions: { key: string; operator: string; values?: string[] }[]) => ({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } } },
  });
  it.each<Row>([
    { name: 'nodeSelector', pod: pendingPod('p', {}, { nodeSelector: { disk: 'ssd' } }), nodes, want: { a: '', b: AFFINITY_MISMATCH, c: AFFINITY_MISMATCH } },
    { name: 'In', pod: pendingPod('p', {}, required({ key: 'disk', operator: 'In', values: ['hdd'] })), nodes, want: { a: AFFINITY_MISMATCH, b: '', c: AFFINITY_MISMATCH } },
    { name: 'NotIn matches nodes without the label', pod: pendingPod('p', {}, required({ key: 'disk', operator: 'NotIn', values: ['hdd'] })), nodes, want: { a: '', b: AFFINITY_MISMATCH, c: '' } },
    { name: 'Exists', pod: pendingPod('p', {}, required({ key: 'disk', operator: 'Exists' })), nodes, want: { a: '', b: '', c: AFFINITY_MISMATCH } },
    { name: 'DoesNotExist', pod: pendingPod('p', {}, required({ key: 'disk', operator: 'DoesNotExist' })), nodes, want: { a: AFFINITY_MISMATCH, b: AFFINITY_MISMATCH, c: '' } },
    { name: 'Gt', pod: pendingPod('p', {}, required({ key: 'gen', operator: 'Gt', values: ['4'] })), nodes, want: { a: '', b: AFFINITY_MISMATCH, c: AFFINITY_MISMATCH } },
    { name: 'Lt', pod: pendingPod('p', {}, required({ key: 'gen', operator: 'Lt', values: ['4'] })), nodes, want: { a: AFFINITY_MISMATCH, b: '', c: AFFINITY_MISMATCH } },
    {
      name: 'matchFields metadata.name',
      pod: pendingPod('p', {}, {
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['c'] }] }] } } },
      }),
      nodes,
      want: { a: AFFINITY_MISMATCH, b: AFFINITY_MISMATCH, c: '' },
    },
  ])('$name', ({ pod, nodes, want }) => expect(filterReasons([nodeAffinityFilter], pod, snapshotOf(nodes))).toEqual(want));
});

describe('NodeResourcesFit and NodePorts', () => {
  const small = readyNode('small', { cpu: '1', memory: '1Gi', pods: '2' });
  it.each<Row>([
    { name: 'fits', pod: pendingPod('p', { cpu: '500m', memory: '512Mi' }), nodes: [small], want: { small: '' } },
    { name: 'cpu and memory short', pod: pendingPod('p', { cpu: '2', memory: '2Gi' }), nodes: [small], want: { small: 'Insufficient cpu, Insufficient memory' } },
    {
      name: 'counts pods already there',
      pod: pendingPod('p', { cpu: '600m' }),
      nodes: [small],
      pods: [onNode(pendingPod('x', { cpu: '500m' }), 'small')],
      want: { small: 'Insufficient cpu' },
    },
    {
      name: 'pod count',
      pod: pendingPod('p'),
      nodes: [small],
      pods: [onNode(pendingPod('x'), 'small'), onNode(pendingPod('y'), 'small')],
      want: { small: 'Too many pods' },
    },
    { name: 'extended resource', pod: pendingPod('p', { 'example.com/gpu': '1' }), nodes: [small, readyNode('gpu', { extra: { 'example.com/gpu': '2' } })], want: { small: 'Insufficient example.com/gpu', gpu: '' } },
    {
      name: 'init container larger than the app',
      pod: pendingPod('p', { cpu: '100m' }, { initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '1500m' } } }] }),
      nodes: [small],
      want: { small: 'Insufficient cpu' },
    },
    { name: 'overhead', pod: pendingPod('p', { cpu: '900m' }, { overhead: { cpu: '200m' } }), nodes: [small], want: { small: 'Insufficient cpu' } },
    { name: 'host port taken', pod: withPort('p', 8080), nodes: [small, readyNode('b')], pods: [onNode(withPort('x', 8080), 'small')], want: { small: "node(s) didn't have free ports for the requested pod ports", b: '' } },
    { name: 'host port on other address', pod: withPort('p', 8080, '10.0.0.2'), nodes: [small], pods: [onNode(withPort('x', 8080, '10.0.0.1'), 'small')], want: { small: '' } },
  ])('$name', ({ pod, nodes, pods, want }) => expect(filterReasons([nodePorts, nodeResourcesFitFilter], pod, snapshotOf(nodes, pods))).toEqual(want));
});

describe('InterPodAffinity', () => {
  const nodes = [zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2')];
  const term = (labels: Record<string, string>, topologyKey: string) => [{ labelSelector: { matchLabels: labels }, topologyKey }];
  const affinity = (topologyKey: string) => pendingPod('p', {}, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term({ app: 'web' }, topologyKey) } } });
  const anti = (name: string, topologyKey: string) =>
    pendingPod(name, {}, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term({ app: 'web' }, topologyKey) } } }, { app: 'web' });
  it.each<Row>([
    { name: 'affinity to a zone', pod: affinity('zone'), nodes, pods: [onNode(web('w'), 'a')], want: { a: '', b: '', c: "node(s) didn't match pod affinity rules" } },
    { name: 'affinity with no match anywhere (not self)', pod: affinity('zone'), nodes, want: { a: "node(s) didn't match pod affinity rules", b: "node(s) didn't match pod affinity rules", c: "node(s) didn't match pod affinity rules" } },
    { name: 'anti-affinity per host', pod: anti('p', 'kubernetes.io/hostname'), nodes, pods: [onNode(web('w'), 'a')], want: { a: "node(s) didn't match pod anti-affinity rules", b: '', c: '' } },
    {
      name: "existing pods' anti-affinity",
      pod: web('p'),
      nodes,
      pods: [onNode(anti('x', 'zone'), 'c')],
      want: { a: '', b: '', c: "node(s) didn't satisfy existing pods anti-affinity rules" },
    },
    {
      name: 'other namespace not selected',
      pod: anti('p', 'kubernetes.io/hostname'),
      nodes,
      pods: [onNode(pendingPod('w', {}, {}, { app: 'web' }, 'other'), 'a')],
      want: { a: '', b: '', c: '' },
    },
  ])('$name', ({ pod, nodes, pods, want }) => expect(filterReasons([interPodAffinityFilter], pod, snapshotOf(nodes, pods))).toEqual(want));

  it('namespaceSelector selects pods by their namespace labels', () => {
    const pod = pendingPod('p', {}, {
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { team: 'x' } }, topologyKey: 'zone' }] } },
    });
    const snapshot = snapshotOf(nodes, [onNode(pendingPod('w', {}, {}, { app: 'web' }, 'other'), 'c')], { other: { team: 'x' } });
    expect(filterReasons([interPodAffinityFilter], pod, snapshot)).toEqual({ a: '', b: '', c: "node(s) didn't match pod anti-affinity rules" });
  });
});

describe('PodTopologySpread', () => {
  const spread = (maxSkew: number, extra: object = {}) =>
    pendingPod('p', {}, { topologySpreadConstraints: [{ maxSkew, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }] }, { app: 'web' });
  const nodes = [zoned('a', 'z1'), zoned('b', 'z2'), readyNode('nolabel')];
  const SKEW = "node(s) didn't match pod topology spread constraints";
  it.each<Row>([
    { name: 'empty cluster', pod: spread(1), nodes, want: { a: '', b: '', nolabel: `${SKEW} (missing required label)` } },
    { name: 'skew too large', pod: spread(1), nodes, pods: [onNode(web('w1'), 'a')], want: { a: SKEW, b: '', nolabel: `${SKEW} (missing required label)` } },
    { name: 'skew allowed', pod: spread(2), nodes, pods: [onNode(web('w1'), 'a')], want: { a: '', b: '', nolabel: `${SKEW} (missing required label)` } },
    {
      name: 'minDomains above the domains counts the minimum as 0',
      pod: spread(1, { minDomains: 3 }),
      nodes,
      pods: [onNode(web('w1'), 'a'), onNode(web('w2'), 'b')],
      want: { a: SKEW, b: SKEW, nolabel: `${SKEW} (missing required label)` },
    },
  ])('$name', ({ pod, nodes, pods, want }) => expect(filterReasons([podTopologySpreadFilter], pod, snapshotOf(nodes, pods))).toEqual(want));
});
