// kubectl get ingressclasses: CONTROLLER, PARAMETERS ("Kind.group/name"), AGE.
import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { age } from '../../machinery/human-duration';
import { NONE } from '../printing/format';

function parameters(ic: IngressClass): string {
  const p = ic.spec?.parameters;
  if (!p) return NONE;
  const kind = p.apiGroup !== undefined ? `${p.kind}.${p.apiGroup}` : p.kind;
  return `${kind}/${p.name}`;
}

export const printer: Printer<Kube<IngressClass>> = {
  columns: [
    nameColumn,
    column('Controller', 'string', 'Controller that is responsible for handling this class'),
    column('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageColumn,
  ],
  cells: (ic, now) => [ic.metadata.name ?? '', ic.spec?.controller ?? '', parameters(ic), age(ic, now)],
};
