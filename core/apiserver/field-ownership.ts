// Which fields a write may own (managedFields): writes to the main resource never own status
// and writes to /status never own spec, as the real strategies' reset fields say.
import type { ResourceDef } from '../registry/types';
import type { ManagedFieldsTracker } from '../registry/generic/resource-store';
import { FieldSet } from './patch/field-set';
import { updateManagedFields } from './patch/managed-fields';
import type { Schemas } from './schemas';

const STATUS = FieldSet.of([{ field: 'status' }]);
const SPEC = FieldSet.of([{ field: 'spec' }]);

export function resetFieldsFor(def: ResourceDef, subresource: string | undefined): FieldSet | undefined {
  if (!def.status) return undefined;
  return subresource === 'status' ? SPEC : STATUS;
}

/** Records each ordinary write in managedFields (apply writes record their own). */
export function managedFieldsTracker(schemas: Schemas): ManagedFieldsTracker {
  return (def, old, updated, options) => {
    // Apply records its own fields; an untracked write (a binding) owns none.
    if (options.applied || options.untracked) return;
    updateManagedFields(old, updated, {
      manager: options.fieldManager ?? 'unknown',
      operation: 'Update',
      apiVersion: def.group ? `${def.group}/${def.version}` : def.version,
      subresource: options.subresource,
      schema: schemas.schemaFor(def),
      now: new Date(),
      resetFields: resetFieldsFor(def, options.subresource),
    });
  };
}
