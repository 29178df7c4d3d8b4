// --save-config: kubectl's last-applied-configuration annotation (util.CreateApplyAnnotation),
// the object's own JSON without that annotation, as the command's encoder writes it.
import { goTyped } from '../printers/go-typed';

type Obj = Record<string, unknown>;

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The object carrying its last-applied annotation; typed objects are encoded in Go field order. */
export function withLastApplied(obj: Obj, typed: boolean): Obj {
  const metadata = (obj.metadata ?? {}) as Obj;
  const { [LAST_APPLIED]: _, ...others } = (metadata.annotations ?? {}) as Record<string, string>;
  const bare = { ...obj, metadata: { ...metadata, annotations: Object.keys(others).length ? others : undefined } };
  const text = `${JSON.stringify(typed ? goTyped(bare) : bare)}\n`;
  return { ...obj, metadata: { ...metadata, annotations: { ...others, [LAST_APPLIED]: text } } };
}
