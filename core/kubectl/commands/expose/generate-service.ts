// The Service `kubectl expose` (and `kubectl run --expose`) generates (expose.go createService):
// one port per comma-separated number (named port-N when several, port-N-<protocol> when a
// port is used with several protocols), the target port given or the port itself.
import { CommandError } from '../../command';
import { parseLabels } from '../../generator-params';

type Obj = Record<string, unknown>;

export interface ServiceParams {
  name: string;
  selector: string;
  labels?: string;
  /** "80" or "80,443". */
  port: string;
  protocol?: string;
  /** The protocols each port is used with, read from the exposed object. */
  protocols?: Map<string, string[]>;
  targetPort?: string;
  externalIP?: string;
  type?: string;
  loadBalancerIP?: string;
  sessionAffinity?: string;
  clusterIP?: string;
}

/** strconv.Atoi, with its error text. */
function atoi(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new CommandError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  return Number(text);
}

function servicePorts(p: ServiceParams): Obj[] {
  if (!p.port) return [];
  const list = p.port.split(',');
  const ports: Obj[] = [];
  list.forEach((text, i) => {
    const port = atoi(text);
    const name = list.length > 1 ? `port-${i + 1}` : undefined;
    const known = p.protocols?.size ? p.protocols.get(text) : undefined;
    if (!p.protocol && known && known.length > 1) {
      for (const protocol of known) ports.push({ name: `port-${i + 1}-${protocol.toLowerCase()}`, protocol, port });
      return;
    }
    ports.push({ name, protocol: p.protocol || known?.[0] || 'TCP', port });
  });
  return ports;
}

export function generateService(p: ServiceParams): Obj {
  if (!p.selector) throw new CommandError('selector must be specified');
  const selector = parseLabels(p.selector);
  const labels = p.labels ? parseLabels(p.labels) : undefined;
  if (!p.name) throw new CommandError('name must be specified');
  const target = p.targetPort ? (/^[+-]?\d+$/.test(p.targetPort) ? Number(p.targetPort) : p.targetPort) : undefined;
  const ports = servicePorts(p).map((port) => ({ ...port, targetPort: target ?? port.port }));
  if (p.sessionAffinity && p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') throw new CommandError(`unknown session affinity: ${p.sessionAffinity}`);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: p.name, labels },
    spec: {
      ports,
      selector,
      clusterIP: p.clusterIP || undefined,
      type: p.type || undefined,
      externalIPs: p.externalIP ? [p.externalIP] : undefined,
      sessionAffinity: p.sessionAffinity || undefined,
      loadBalancerIP: p.type === 'LoadBalancer' ? p.loadBalancerIP || undefined : undefined,
    },
  };
}
