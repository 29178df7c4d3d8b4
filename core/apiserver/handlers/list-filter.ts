// labelSelector and fieldSelector query parameters, turned into one predicate over objects.
import { ownValue } from '../../machinery/json-value';
import type { ResourceDef } from '../../registry/types';
import type { KubeObject } from '../../machinery/object';
import { LabelSelectorError, matchesLabels, parseLabelSelector } from '../../machinery/selectors/label-selector';
import { FieldSelectorError, matchesFields, parseFieldSelector } from '../../machinery/selectors/field-selector';
import { badRequest } from '../../machinery/status';

function fieldGetter(def: ResourceDef, field: string): ((o: KubeObject) => string) | undefined {
  if (field === 'metadata.name') return (o) => o.metadata.name ?? '';
  if (field === 'metadata.namespace') return def.namespaced ? (o) => o.metadata.namespace ?? '' : undefined;
  return ownValue(def.fields, field);
}

export function listFilter(def: ResourceDef, query: URLSearchParams): ((o: KubeObject) => boolean) | undefined {
  const ls = query.get('labelSelector');
  const fs = query.get('fieldSelector');
  let labelTest: ((o: KubeObject) => boolean) | undefined;
  let fieldTest: ((o: KubeObject) => boolean) | undefined;
  if (ls) {
    try {
      const sel = parseLabelSelector(ls);
      labelTest = (o) => matchesLabels(sel, o.metadata.labels);
    } catch (e) {
      if (e instanceof LabelSelectorError) throw badRequest(e.message);
      throw e;
    }
  }
  if (fs) {
    let sel;
    try {
      sel = parseFieldSelector(fs);
    } catch (e) {
      if (e instanceof FieldSelectorError) throw badRequest(e.message);
      throw e;
    }
    for (const r of sel.requirements) {
      if (!fieldGetter(def, r.field)) {
        throw badRequest(`field label not supported: ${r.field}`);
      }
    }
    fieldTest = (o) => matchesFields(sel, (f) => fieldGetter(def, f)?.(o));
  }
  if (labelTest && fieldTest) return (o) => labelTest(o) && fieldTest(o);
  return labelTest ?? fieldTest;
}
