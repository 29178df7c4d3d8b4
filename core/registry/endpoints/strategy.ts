// Endpoints rules (SetDefaults_Endpoints, ValidateEndpoints). Addresses in 127.0.0.0/8 are
// accepted: this cluster's pods live there, though Kubernetes rejects loopback endpoints.
import type { EndpointAddress, Endpoints } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { duplicate, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { isValidIP, validIPDetail } from '../validation/ip';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum } from '../../machinery/names';

type EndpointsObject = Kube<Endpoints>;

const protocols = ['SCTP', 'TCP', 'UDP'];

function validateAddress(addr: EndpointAddress, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isValidIP(addr.ip)) errs.push(invalid(child(path, 'ip'), addr.ip, validIPDetail));
  if (addr.hostname) for (const m of isDNS1123Label(addr.hostname)) errs.push(invalid(child(path, 'hostname'), addr.hostname, m));
  if (addr.nodeName) for (const m of isDNS1123Subdomain(addr.nodeName)) errs.push(invalid(child(path, 'nodeName'), addr.nodeName, m));
  return errs;
}

function validateEndpoints(ep: EndpointsObject): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = index('subsets', i);
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length) {
      errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, index(child(p, 'addresses'), j))));
    (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, index(child(p, 'notReadyAddresses'), j))));
    const ports = ss.ports ?? [];
    const names = new Set<string>();
    ports.forEach((port, j) => {
      const pp = index(child(p, 'ports'), j);
      if (ports.length > 1 && !port.name) errs.push(required(child(pp, 'name')));
      else if (port.name) {
        for (const m of isDNS1123Label(port.name)) errs.push(invalid(child(pp, 'name'), port.name, m));
        if (names.has(port.name)) errs.push(duplicate(child(pp, 'name'), port.name));
        names.add(port.name);
      }
      for (const m of isValidPortNum(port.port)) errs.push(invalid(child(pp, 'port'), port.port, m));
      if (!port.protocol) errs.push(required(child(pp, 'protocol')));
      else if (!protocols.includes(port.protocol)) errs.push(notSupported(child(pp, 'protocol'), port.protocol, protocols));
    });
  });
  return errs;
}

export const strategy: Strategy<EndpointsObject> = {
  defaults(ep) {
    for (const ss of ep.subsets ?? []) for (const port of ss.ports ?? []) port.protocol ||= 'TCP';
  },
  validate: validateEndpoints,
};
