// kubectl get ingresses: CLASS, HOSTS, ADDRESS, PORTS ("80" or "80, 443"), AGE.
import type { Ingress, IngressRule } from 'kubernetes-types/networking/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { age } from '../../machinery/human-duration';
import { NONE } from '../printing/format';
import { loadBalancerAddresses } from '../services/printer';

const MAX_HOSTS = 3;

/** The HOSTS cell: the first three hosts named, "*" when no rule names one. */
export function formatHosts(rules: IngressRule[] | undefined): string {
  const all = rules ?? [];
  const hosts: string[] = [];
  let more = false;
  for (const rule of all) {
    if (hosts.length === MAX_HOSTS) {
      more = true;
      break;
    }
    if (rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  // Go counts what is left over against all rules, whether they name a host or not.
  return more ? `${hosts.join(',')} + ${all.length - MAX_HOSTS} more...` : hosts.join(',');
}

export const printer: Printer<Kube<Ingress>> = {
  columns: [
    nameColumn,
    column('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  cells: (ing, now) => [
    ing.metadata.name ?? '',
    ing.spec?.ingressClassName ?? NONE,
    formatHosts(ing.spec?.rules),
    // Wide output on the server: addresses are never cut short.
    loadBalancerAddresses(ing.status?.loadBalancer).join(','),
    ing.spec?.tls?.length ? '80, 443' : '80',
    age(ing, now),
  ],
};
