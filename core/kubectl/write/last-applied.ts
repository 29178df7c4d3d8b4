// --save-config: kubectl's last-applied-configuration annotation (util.CreateApplyAnnotation),
// the object's own JSON without that annotation, as the command's encoder writes it.
import { goMarshal } from '../go-json';
import { goTyped } from '../printers/go-typed';

type Obj = Record<string, unknown>;

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object carrying its last-applied annotation. Typed objects are encoded in Go field order
 * (an empty annotations map omitted); unstructured ones (-f) as json.Marshal writes a map: keys
 * sorted, and `"annotations":{}` kept, since kubectl sets the emptied map back.
 */
export function withLastApplied(obj: Obj, typed: boolean): Obj {
  const metadata = (obj.metadata ?? {}) as Obj;
  const { [LAST_APPLIED]: _, ...others } = (metadata.annotations ?? {}) as Record<string, string>;
  const bare = { ...obj, metadata: { ...metadata, annotations: Object.keys(others).length || !typed ? others : undefined } };
  const text = typed ? `${JSON.stringify(goTyped(bare))}\n` : `${goMarshal(bare)}\n`;
  return { ...obj, metadata: { ...metadata, annotations: { ...others, [LAST_APPLIED]: text } } };
}
