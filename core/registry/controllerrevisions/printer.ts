// kubectl get controllerrevisions: CONTROLLER ("daemonset.apps/fluentd"), REVISION, AGE.
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { NONE } from '../printing/format';

/** The controlling owner as "kind.group/name" in lower case, or "<none>". */
export function controllerName(obj: Kube<ControllerRevision>): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return NONE;
  const slash = ref.apiVersion.indexOf('/');
  const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
  const groupKind = group ? `${ref.kind}.${group}` : ref.kind;
  return groupKind ? `${groupKind.toLowerCase()}/${ref.name}` : ref.name;
}

export const printer: Printer<Kube<ControllerRevision>> = {
  columns: [nameColumn, column('Controller', 'string', 'Controller of the object'), column('Revision', 'string', doc.crRevision), ageColumn],
  cells: (cr, now) => [cr.metadata.name ?? '', controllerName(cr), cr.revision ?? 0, age(cr, now)],
};
