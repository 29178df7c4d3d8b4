// Writes YAML documents as kubectl does: each checked first by a server-side dry run with
// strict field validation, refusals turned into errors at their lines.
import { ApiError, kubeRequest } from '../../kube/api';
import { explainError, targetOf } from '../../kube/api-errors';
import type { KubeObject } from '../../kube/object-source';
import { statusLineErrors } from './status-lines';
import type { LineError, ParsedDocument } from './yaml-documents';

export type WriteResult = { ok: true; object: KubeObject } | { ok: false; code: number; errors: LineError[] };

/** PUT (replace) to the object's path or POST (create) to its collection's. */
export async function writeDocument(method: 'PUT' | 'POST', path: string, doc: ParsedDocument, dryRun: boolean): Promise<WriteResult> {
  const query: Record<string, string> = { fieldValidation: 'Strict' };
  if (dryRun) query.dryRun = 'All';
  try {
    return { ok: true, object: await kubeRequest<KubeObject>({ method, path, query, body: doc.object }) };
  } catch (err) {
    const code = err instanceof ApiError ? err.code : 0;
    // 400 and 422 name the fields they refuse; anything else is about the request as a whole.
    const errors =
      err instanceof ApiError && (code === 400 || code === 422)
        ? statusLineErrors(doc, err.message, err.causes)
        : [{ line: doc.startLine + 1, message: explainError(err, targetOf(method === 'PUT' ? 'update' : 'create', path)) }];
    return { ok: false, code, errors };
  }
}
