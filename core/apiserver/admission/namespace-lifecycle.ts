// NamespaceLifecycle: nothing is created in a namespace that does not exist or is being
// deleted, and the built-in namespaces cannot be deleted.
import { ApiError, forbidden, notFound } from '../../machinery/status';
import type { AdmissionPlugin } from './chain';

const PROTECTED = new Set(['default', 'kube-system', 'kube-public']);

export function namespaceLifecycle(lookup: (name: string) => { deletionTimestamp?: string; phase?: string } | undefined): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    validate(req) {
      const { def, namespace, operation } = req;
      if (def.group === '' && def.plural === 'namespaces') {
        if (operation === 'DELETE' && PROTECTED.has(req.name)) {
          throw forbidden(def, req.name, 'this namespace may not be deleted');
        }
        return;
      }
      if (!def.namespaced || !namespace || operation !== 'CREATE') return;
      const ns = lookup(namespace);
      if (!ns) throw notFound({ group: '', plural: 'namespaces' }, namespace);
      if (ns.deletionTimestamp || ns.phase === 'Terminating') {
        throw new ApiError(
          403,
          'Forbidden',
          `${def.group ? `${def.plural}.${def.group}` : def.plural} "${req.name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
          { name: req.name, kind: def.plural, causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }] },
        );
      }
    },
  };
}
