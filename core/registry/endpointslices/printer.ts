// kubectl get endpointslices: ADDRESSTYPE, PORTS, ENDPOINTS (three of each, then "+ N more..."), AGE.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { listWithMore } from '../printing/format';

const MAX = 3;

/** Port numbers, or the port's name when it has no number, or "*" for all ports. */
export function formatSlicePorts(slice: EndpointSlice): string {
  const ports = (slice.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')));
  return listWithMore(ports, ports.length, MAX);
}

/** Every address of every endpoint. */
export function formatSliceEndpoints(slice: EndpointSlice): string {
  const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses);
  return listWithMore(addresses, addresses.length, MAX);
}

export const printer: Printer<Kube<EndpointSlice>> = {
  columns: [
    nameColumn,
    column('AddressType', 'string', doc.esAddressType),
    column('Ports', 'string', doc.esPorts),
    column('Endpoints', 'string', doc.esEndpoints),
    ageColumn,
  ],
  cells: (es, now) => [es.metadata.name ?? '', es.addressType ?? '', formatSlicePorts(es), formatSliceEndpoints(es), age(es, now)],
};
