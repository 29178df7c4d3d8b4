// spec.names of a CustomResourceDefinition: all present, all DNS-1035 labels (kinds may use
// upper case), and kind distinct from listKind.
import type { CustomResourceDefinitionNames } from 'kubernetes-types/apiextensions/v1';
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from '../validation/field-path';
import { isDNS1035Label } from '../../machinery/names';

const mixedCase = 'may have mixed case, but should otherwise match: ';

export function validateNames(names: CustomResourceDefinitionNames | undefined, path: string): FieldError[] {
  const n = names ?? ({} as CustomResourceDefinitionNames);
  const errs: FieldError[] = [];
  for (const f of ['plural', 'singular', 'kind', 'listKind'] as const) {
    if (!n[f]) errs.push(required(child(path, f)));
  }
  for (const f of ['plural', 'singular'] as const) {
    const v = n[f];
    const msgs = v ? isDNS1035Label(v) : [];
    if (msgs.length) errs.push(invalid(child(path, f), v, msgs.join(',')));
  }
  for (const f of ['kind', 'listKind'] as const) {
    const v = n[f];
    const msgs = v ? isDNS1035Label(v.toLowerCase()) : [];
    if (msgs.length) errs.push(invalid(child(path, f), v, mixedCase + msgs.join(',')));
  }
  for (const f of ['shortNames', 'categories'] as const) {
    (n[f] ?? []).forEach((v, i) => {
      const msgs = isDNS1035Label(v);
      if (msgs.length) errs.push(invalid(index(child(path, f), i), v, msgs.join(',')));
    });
  }
  if (n.kind && n.kind === n.listKind) errs.push(invalid(child(path, 'listKind'), n.listKind, 'kind and listKind may not be the same'));
  return errs;
}
