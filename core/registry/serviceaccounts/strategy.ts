// ServiceAccount rules: beyond ObjectMeta (a DNS subdomain name, checked by the generic
// store), Kubernetes validates only the names of referenced secrets.
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { invalid, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { isDNS1123Subdomain } from '../../machinery/names';

type ServiceAccountObject = Kube<ServiceAccount>;

function validateServiceAccount(sa: ServiceAccountObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ['secrets', 'imagePullSecrets'] as const) {
    (sa[field] ?? []).forEach((ref, i) => {
      const name = ref.name ?? '';
      if (name) for (const m of isDNS1123Subdomain(name)) errs.push(invalid(child(index(field, i), 'name'), name, m));
    });
  }
  return errs;
}

export const strategy: Strategy<ServiceAccountObject> = {
  validate: validateServiceAccount,
};
