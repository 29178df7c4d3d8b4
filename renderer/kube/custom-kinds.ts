// Custom resource kinds as the sidebar, router and palette see them: one per served CRD,
// at the version the API server stores (or the first served one).
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { ResourceKind } from './resources';

export function customKind(crd: CustomResourceDefinition): ResourceKind | undefined {
  const served = crd.spec.versions.filter((v) => v.served);
  const version = served.find((v) => v.storage) ?? served[0];
  const established = crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
  if (!version || !established) return undefined;
  const { group, names } = crd.spec;
  return {
    id: `${names.plural}.${group}`,
    label: names.kind,
    kind: names.kind,
    group,
    version: version.name,
    resource: names.plural,
    namespaced: crd.spec.scope === 'Namespaced',
    ...(version.subresources?.scale ? { scalable: true } : {}),
  };
}
