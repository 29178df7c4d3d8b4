// ClusterIP and NodePort allocation for Services, done by the API server as in Kubernetes.
// What is allocated is derived from the Services themselves (the watch cache) plus
// reservations for writes in flight, so an address is released exactly when its Service is
// gone and is never handed out twice, across restarts too.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { randomInt } from 'node:crypto';
import type { FieldError } from '../../machinery/field-errors';
import type { AdmissionRequest } from '../../registry/generic/resource-store';
import { invalid } from '../../machinery/status';
import type { AdmissionPlugin } from './chain';

export interface Cidr {
  base: number;
  size: number;
  text: string;
}

export function parseCidr(text: string): Cidr {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new Error(`invalid CIDR ${text}`);
  const bits = Number(m[5]);
  const addr = ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
  const size = 2 ** (32 - bits);
  return { base: addr - (addr % size), size, text };
}

export const ipToString = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

function ipToNumber(ip: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m || m.slice(1).some((x) => Number(x) > 255)) return undefined;
  return ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
}

/** The nth address of the range (1 is the kubernetes Service, 10 the cluster DNS). */
export const nthAddress = (cidr: Cidr, n: number) => ipToString(cidr.base + n);

export interface ServiceAllocationOptions {
  serviceCidr: Cidr;
  nodePortRange: [number, number];
  /** Every Service currently stored. */
  services: () => Iterable<Service>;
}

type Svc = Service & { spec: NonNullable<Service['spec']> };

const needsNodePorts = (s: Svc) =>
  s.spec.type === 'NodePort' || (s.spec.type === 'LoadBalancer' && s.spec.allocateLoadBalancerNodePorts !== false);

export function serviceAllocation(opts: ServiceAllocationOptions): AdmissionPlugin {
  const reservedIps = new Set<string>();
  const reservedPorts = new Set<number>();
  const { serviceCidr: cidr, nodePortRange: [lo, hi] } = opts;

  const usedIps = (exceptUid?: string) => {
    const used = new Set(reservedIps);
    for (const s of opts.services()) {
      if (exceptUid && s.metadata?.uid === exceptUid) continue;
      for (const ip of s.spec?.clusterIPs ?? [s.spec?.clusterIP ?? '']) if (ip && ip !== 'None') used.add(ip);
    }
    return used;
  };
  const usedPorts = (exceptUid?: string) => {
    const used = new Set(reservedPorts);
    for (const s of opts.services()) {
      if (exceptUid && s.metadata?.uid === exceptUid) continue;
      for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    }
    return used;
  };

  function allocateIp(req: AdmissionRequest, svc: Svc, errors: FieldError[]): void {
    const requested = svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP;
    if (svc.spec.type === 'ExternalName' || requested === 'None') return;
    const used = usedIps();
    let ip: string;
    if (requested) {
      const n = ipToNumber(requested);
      if (n === undefined) return; // the strategy reports the syntax error
      if (n <= cidr.base || n >= cidr.base + cidr.size - 1) {
        errors.push({
          type: 'FieldValueInvalid',
          field: 'spec.clusterIPs',
          value: [requested],
          detail: `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${cidr.text}`,
        });
        return;
      }
      if (used.has(requested)) {
        errors.push({
          type: 'FieldValueInvalid',
          field: 'spec.clusterIPs',
          value: [requested],
          detail: `failed to allocate IP ${requested}: provided IP is already allocated`,
        });
        return;
      }
      ip = requested;
    } else {
      const free = cidr.size - 2 - used.size;
      if (free <= 0) {
        errors.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: [], detail: 'failed to allocate IP: range is full' });
        return;
      }
      // Random like Kubernetes, skipping the first 16 addresses (kept for well-known Services).
      do ip = ipToString(cidr.base + 17 + randomInt(cidr.size - 18));
      while (used.has(ip));
    }
    reservedIps.add(ip);
    req.onFinish.push(() => reservedIps.delete(ip));
    svc.spec.clusterIP = ip;
    svc.spec.clusterIPs = [ip];
  }

  function allocatePorts(req: AdmissionRequest, svc: Svc, old: Svc | undefined, errors: FieldError[]): void {
    if (!needsNodePorts(svc)) return;
    const used = usedPorts(old?.metadata?.uid);
    const taken = new Set<number>();
    (svc.spec.ports ?? []).forEach((p: ServicePort, i) => {
      if (p.nodePort) {
        const n = p.nodePort;
        const field = `spec.ports[${i}].nodePort`;
        if (n < lo || n > hi) {
          errors.push({ type: 'FieldValueInvalid', field, value: n, detail: `provided port is not in the valid range. The range of valid ports is ${lo}-${hi}` });
        } else if ((used.has(n) && !old?.spec.ports?.some((op) => op.nodePort === n)) || taken.has(n)) {
          errors.push({ type: 'FieldValueInvalid', field, value: n, detail: 'provided port is already allocated' });
        }
        taken.add(n);
        return;
      }
      // Same port number over TCP and UDP shares one nodePort, as kube-apiserver does.
      const sibling = svc.spec.ports!.find((q, j) => j < i && q.port === p.port && q.nodePort);
      if (sibling) {
        p.nodePort = sibling.nodePort;
        return;
      }
      let n: number;
      do n = lo + randomInt(hi - lo + 1);
      while (used.has(n) || taken.has(n));
      taken.add(n);
      reservedPorts.add(n);
      req.onFinish.push(() => reservedPorts.delete(n));
      p.nodePort = n;
    });
  }

  return {
    name: 'ServiceAllocation',
    mutate(req) {
      if (req.def.group !== '' || req.def.plural !== 'services' || req.operation === 'DELETE') return;
      if (req.options.subresource === 'status') return;
      const svc = req.object as Svc;
      svc.spec ??= {};
      svc.spec.type ??= 'ClusterIP';
      const old = req.old as Svc | undefined;
      const errors: FieldError[] = [];
      if (req.operation === 'CREATE' || (old?.spec.type === 'ExternalName' && svc.spec.type !== 'ExternalName')) {
        allocateIp(req, svc, errors);
      } else if (old && !svc.spec.clusterIP && svc.spec.type !== 'ExternalName') {
        // An update that leaves clusterIP out keeps the allocated one.
        svc.spec.clusterIP = old.spec.clusterIP;
        svc.spec.clusterIPs = old.spec.clusterIPs;
      }
      if (svc.spec.type !== 'ExternalName' && svc.spec.clusterIP) {
        svc.spec.ipFamilies ??= ['IPv4'];
        svc.spec.ipFamilyPolicy ??= 'SingleStack';
      }
      if (svc.spec.type === 'LoadBalancer') svc.spec.allocateLoadBalancerNodePorts ??= true;
      allocatePorts(req, svc, old, errors);
      if (errors.length) throw invalid('Service', '', req.name, errors);
    },
  };
}
