// kubectl get endpoints: ENDPOINTS (up to three ip:port pairs, then "+ N more..."), AGE.
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { NONE } from '../printing/format';

const MAX = 3;

// net.JoinHostPort: IPv6 addresses go in brackets.
const hostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** formatEndpoints: every address on every port, counting what does not fit. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return NONE;
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    // Headless services may have no ports: list bare addresses.
    const ports = ss.ports?.length ? ss.ports.map((p) => p.port) : [undefined];
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) break;
        list.push(port === undefined ? a.ip : hostPort(a.ip, port));
      }
    }
  }
  const shown = list.join(',');
  return count > MAX ? `${shown} + ${count - MAX} more...` : shown;
}

export const printer: Printer<Kube<Endpoints>> = {
  columns: [nameColumn, column('Endpoints', 'string', doc.epSubsets), ageColumn],
  cells: (ep, now) => [ep.metadata.name ?? '', formatEndpoints(ep), age(ep, now)],
};
