// kubectl describe node: conditions, addresses, capacity, system info, the lease, and the
// requests and limits of the pods that run there against what the node can allocate.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { add } from '../../quota/resource-list';
import { compareQuantities, formatQuantity, parseQuantity, quantityToMilli, quantityToNumber } from '../../machinery/quantity';
import { errorText } from '../errors';
import { sortedNames } from './containers';
import { annotationsMultiline, describeEvents, labelsMultiline, rfc1123z, since, taintsMultiline } from './format';
import { apiPath, getObject, listAll, searchEvents, type DescribeContext } from './fetch';
import { DescribeWriter } from './writer';

type List = Record<string, string>;
const ROLE_PREFIX = 'node-role.kubernetes.io/';

function roles(labels: Record<string, string> | undefined): string[] {
  const found = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) found.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v) found.add(v);
  }
  return [...found].sort();
}

const strings = (list: Record<string, unknown> | undefined): List => Object.fromEntries(Object.entries(list ?? {}).map(([k, v]) => [k, String(v)]));

/** The larger of each resource (maxResourceList). */
function maxOf(a: List, b: List): List {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) if (out[k] === undefined || compareQuantities(parseQuantity(v)!, parseQuantity(out[k])!) > 0) out[k] = v;
  return out;
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as their peak, sidecars added, overhead on top. */
export function podRequestsAndLimits(pod: Pod): { requests: List; limits: List } {
  const spec = pod.spec;
  const sum = (pick: 'requests' | 'limits') => {
    let total: List = {};
    for (const c of spec?.containers ?? []) total = add(total, strings(c.resources?.[pick]));
    let sidecars: List = {};
    let init: List = {};
    for (const c of spec?.initContainers ?? []) {
      const own = strings(c.resources?.[pick]);
      let peak: List;
      if (c.restartPolicy === 'Always') {
        total = add(total, own);
        sidecars = add(sidecars, own);
        peak = sidecars;
      } else {
        peak = add(own, sidecars);
      }
      init = maxOf(init, peak);
    }
    return maxOf(total, init);
  };
  const requests = add(sum('requests'), strings(spec?.overhead));
  const limits = sum('limits');
  for (const [k, v] of Object.entries(strings(spec?.overhead))) if (limits[k] !== undefined && parseQuantity(limits[k])?.unscaled !== 0n) limits[k] = add({ [k]: limits[k] }, { [k]: v })[k]!;
  return { requests, limits };
}

const show = (q: string | undefined) => (q === undefined ? '0' : formatQuantity(parseQuantity(q)!));
/** int64(float64(part) / float64(whole) * 100), as the percentages are cut. */
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));
const cpuPercent = (q: string | undefined, alloc: List) => percent(quantityToMilli(q ?? '0'), quantityToMilli(alloc.cpu ?? '0'));
const valuePercent = (q: string | undefined, whole: string | undefined) => percent(Math.ceil(quantityToNumber(q ?? '0')), Math.ceil(quantityToNumber(whole ?? '0')));
const STANDARD = ['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims'];

function describeNodeResources(w: DescribeWriter, pods: Pod[], node: Node, now: Date): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = strings(Object.keys(node.status?.allocatable ?? {}).length ? node.status?.allocatable : node.status?.capacity);
  let requests: List = {};
  let limits: List = {};
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    requests = add(requests, r.requests);
    limits = add(limits, r.limits);
    const cell = (q: string | undefined, pct: number) => `${show(q)} (${pct}%)`;
    w.write(
      1,
      `${pod.metadata?.namespace}\t${pod.metadata?.name}\t\t${cell(r.requests.cpu, cpuPercent(r.requests.cpu, alloc))}\t${cell(r.limits.cpu, cpuPercent(r.limits.cpu, alloc))}\t${cell(r.requests.memory, valuePercent(r.requests.memory, alloc.memory))}\t${cell(r.limits.memory, valuePercent(r.limits.memory, alloc.memory))}\t${since(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (name: string, pct: (q: string | undefined) => number) => w.write(1, `${name}\t${show(requests[name])} (${pct(requests[name])}%)\t${show(limits[name])} (${pct(limits[name])}%)\n`);
  row('cpu', (q) => cpuPercent(q, alloc));
  row('memory', (q) => valuePercent(q, alloc.memory));
  row('ephemeral-storage', (q) => valuePercent(q, alloc['ephemeral-storage']));
  const names = Object.keys(alloc).sort();
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) row(name, (q) => valuePercent(q, alloc[name]));
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.includes(n) && !n.startsWith('requests.') && !n.startsWith('limits.')))
    w.write(1, `${name}\t${show(requests[name])}\t${show(limits[name])}\n`);
}

export async function describeNode(ctx: DescribeContext, _namespace: string, name: string): Promise<string> {
  const node = await getObject<Node>(ctx, apiPath('v1', 'nodes', undefined, name));
  const pods = await listAll<Pod>(ctx, apiPath('v1', 'pods'), { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  // Controllers name the node by its uid, the kubelet by its name: both are asked.
  const byUid = await searchEvents(ctx, { name, kind: 'Node', uid: node.metadata?.uid });
  const byName = await searchEvents(ctx, { name, kind: 'Node', uid: name });
  const lease = await getObject<Lease>(ctx, apiPath('coordination.k8s.io/v1', 'leases', 'kube-node-lease', name)).catch((err: unknown) => err as Error);
  const meta = node.metadata ?? {};
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Roles:\t${roles(meta.labels).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', meta.labels);
  annotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  taintsMultiline(w, 'Taints', spec.taints);
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  if (lease instanceof Error) {
    w.write(0, `Lease:\tFailed to get lease: ${errorText(lease, '').replace(/^Error from server \(\w+\): |^error: /, '').trimEnd()}\n`);
  } else {
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions)
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    if (!Object.keys(list ?? {}).length) continue;
    w.write(0, `${title}:\n`);
    for (const r of sortedNames(list)) w.write(0, `  ${r}:\t${String(list![r])}\n`);
  }
  const info = status.nodeInfo;
  w.write(0, 'System Info:\n');
  for (const [label, value] of [
    ['Machine ID', info?.machineID],
    ['System UUID', info?.systemUUID],
    ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion],
    ['OS Image', info?.osImage],
    ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture],
    ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion],
    ['Kube-Proxy Version', info?.kubeProxyVersion],
  ])
    w.write(0, `  ${label}:\t${value ?? ''}\n`);
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs?.length) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  describeNodeResources(w, pods, node, ctx.now);
  if (byUid) describeEvents(w, [...byUid, ...(byName ?? [])], ctx.now);
  return w.toString();
}
