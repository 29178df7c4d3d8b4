// A TokenRequest's boundObjectRef, checked as kube-apiserver's token REST storage checks it:
// the object must exist (a Pod, a Secret or a Node), a pod must run as the service account,
// and a given UID must be the object's. Answers the object's UID.
import type { BoundObjectReference } from 'kubernetes-types/authentication/v1';
import { badRequest, conflict } from '../../machinery/status';

type Lookup = (plural: string, namespace: string | undefined, name: string) => { metadata: { uid?: string }; spec?: { serviceAccountName?: string } };

const BOUND: Record<string, { plural: string; namespaced: boolean }> = {
  Pod: { plural: 'pods', namespaced: true },
  Secret: { plural: 'secrets', namespaced: true },
  Node: { plural: 'nodes', namespaced: false },
};

export function boundObjectUid(ref: BoundObjectReference, serviceAccount: string, namespace: string, lookup: Lookup): string {
  const [group, version] = (ref.apiVersion ?? '').includes('/') ? ref.apiVersion!.split('/') : ['', ref.apiVersion ?? ''];
  const kind = group === '' ? BOUND[ref.kind ?? ''] : undefined;
  if (!kind) throw badRequest(`cannot bind token to object of type ${group}/${version}, Kind=${ref.kind ?? ''}`);
  const obj = lookup(kind.plural, kind.namespaced ? namespace : undefined, ref.name ?? '');
  if (ref.kind === 'Pod' && (obj.spec?.serviceAccountName ?? 'default') !== serviceAccount)
    throw badRequest(`cannot bind token for serviceaccount "${serviceAccount}" to pod running with different serviceaccount name.`);
  const uid = obj.metadata.uid ?? '';
  if (ref.uid && ref.uid !== uid)
    throw conflict(
      { group: '', plural: ref.kind! },
      ref.name ?? '',
      `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`,
    );
  return uid;
}
