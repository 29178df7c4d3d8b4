// `wheelhouse node add` from the app: a new Node for the embedded cluster's node manager,
// shaped like one of its existing workers (same machine size, labels, runtime), with its own
// name, ids, the next free /24 podCIDR and the matching InternalIP, as the command registers
// it. The manager starts a kubelet for any Node marked managed, whoever created it.
import type { Node } from 'kubernetes-types/core/v1';
import { MANAGED_ANNOTATION, STATE_ANNOTATION } from './node-writes';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

const ipToNumber = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const numberToIp = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
const cidrBase = (node: Node) => (node.spec?.podCIDR ? ipToNumber(node.spec.podCIDR.split('/')[0]!) : undefined);
const internalIp = (node: Node) => node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
const ready = (node: Node) => node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** A running worker Wheelhouse manages, to copy; undefined on clusters Wheelhouse does not run. */
export function workerTemplate(nodes: Node[]): Node | undefined {
  return nodes.find(
    (n) =>
      n.metadata?.annotations?.[MANAGED_ANNOTATION] === 'true' &&
      !(CONTROL_PLANE_LABEL in (n.metadata?.labels ?? {})) &&
      !n.metadata?.deletionTimestamp &&
      cidrBase(n) !== undefined &&
      internalIp(n) !== undefined &&
      ready(n),
  );
}

export function nodeLike(template: Node, nodes: Node[], name: string, uuid: () => string, now = new Date()): Node {
  const templateBase = cidrBase(template)!;
  const base = Math.max(...nodes.map((n) => cidrBase(n) ?? 0)) + 256;
  const podCIDR = `${numberToIp(base)}/24`;
  const address = numberToIp(ipToNumber(internalIp(template)!) + (base - templateBase) / 256);
  const { [STATE_ANNOTATION]: _state, ...annotations } = template.metadata?.annotations ?? {};
  const at = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const status = template.status!;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { ...template.metadata?.labels, 'kubernetes.io/hostname': name }, annotations },
    spec: { podCIDR, podCIDRs: [podCIDR] },
    status: {
      capacity: status.capacity,
      allocatable: status.allocatable,
      conditions: status.conditions?.map((c) => ({ ...c, lastHeartbeatTime: at, lastTransitionTime: at })),
      addresses: [
        { type: 'InternalIP', address },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: status.daemonEndpoints,
      ...(status.nodeInfo ? { nodeInfo: { ...status.nodeInfo, machineID: uuid().replaceAll('-', ''), systemUUID: uuid(), bootID: uuid() } } : {}),
    },
  };
}
