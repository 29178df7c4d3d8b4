// What `kubectl expose` reads from the object it exposes (polymorphichelpers: CanBeExposed,
// MapBasedSelectorForObject, PortsForObject, MultiProtocolsForObject).
import { CommandError } from '../../command';
import type { ResourceInfo } from '../../discovery';
import { makeLabels } from '../../generator-params';

type Obj = Record<string, unknown>;
interface Port {
  containerPort?: number;
  port?: number;
  protocol?: string;
}
interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: unknown[];
}

const EXPOSABLE = ['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'apps/ReplicaSet', 'extensions/Deployment', 'extensions/ReplicaSet'];

export function checkExposable(info: ResourceInfo): void {
  if (!EXPOSABLE.includes(`${info.group}/${info.kind}`)) throw new CommandError(`cannot expose a ${info.group ? `${info.kind}.${info.group}` : info.kind}`);
}

const spec = (obj: Obj) => (obj.spec ?? {}) as Obj & { selector?: unknown; ports?: Port[]; template?: { spec?: { containers?: { ports?: Port[] }[] } } };

/** The selector as "k=v,...": a pod's labels, a service's or RC's selector, a workload's matchLabels. */
export function selectorFor(kind: string, obj: Obj): string {
  if (kind === 'Pod') {
    const labels = (obj.metadata as { labels?: Record<string, string> }).labels;
    if (!labels || !Object.keys(labels).length) throw new CommandError('the pod has no labels and cannot be exposed');
    return makeLabels(labels);
  }
  if (kind === 'Service') {
    if (!spec(obj).selector) throw new CommandError('the service has no pod selector set');
    return makeLabels(spec(obj).selector as Record<string, string>);
  }
  if (kind === 'ReplicationController') return makeLabels(spec(obj).selector as Record<string, string>);
  const selector = spec(obj).selector as Selector | undefined;
  const what = kind === 'Deployment' ? 'deployment' : 'replicaset';
  if (!selector?.matchLabels || !Object.keys(selector.matchLabels).length) throw new CommandError(`invalid ${what}: no selectors, therefore cannot be exposed`);
  if (selector.matchExpressions?.length) throw new CommandError(`couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`);
  return makeLabels(selector.matchLabels);
}

/** Container ports (or a service's ports) in order, each port once, with the protocols it is used with. */
export function portsFor(kind: string, obj: Obj): { ports: string[]; protocols: Map<string, string[]> } {
  const list: Port[] =
    kind === 'Service'
      ? (spec(obj).ports ?? []).map((p) => ({ containerPort: p.port, protocol: p.protocol }))
      : ((kind === 'Pod' ? (spec(obj) as { containers?: { ports?: Port[] }[] }).containers : spec(obj).template?.spec?.containers) ?? []).flatMap((c) => c.ports ?? []);
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  for (const p of list) {
    const key = String(p.containerPort ?? 0);
    if (!ports.includes(key)) ports.push(key);
    protocols.set(key, [...(protocols.get(key) ?? []), p.protocol || 'TCP']);
  }
  return { ports, protocols };
}
