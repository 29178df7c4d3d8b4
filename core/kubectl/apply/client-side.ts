// Client-side apply of one object (apply.go applyOneObject and patcher.go): the object keeps its
// configuration in the last-applied-configuration annotation; a missing object is created with
// it, an existing one gets the three-way patch from that annotation, the file and the live
// object ("unchanged" when the patch is empty, retried on conflicts as kubectl does).
import { createThreeWayJsonMergePatch, createThreeWayStrategicMergePatch } from '../../apiserver/patch/three-way';
import type { Session } from '../command';
import { collectionPath, groupVersion, objectPath } from '../discovery';
import type { KubeObject, ManifestObject } from '../manifests/objects';
import { withSource } from '../errors';
import { ServerError } from '../rest';
import { LAST_APPLIED, withLastApplied, writeQuery, type WriteOptions } from '../write';
import { patchChoice } from './patch-schema';

export interface Applied {
  operation: 'created' | 'configured' | 'unchanged';
  /** The object as the server answered (or as it would be sent, for --dry-run=client). */
  object: KubeObject;
}

const MAX_CONFLICT_RETRIES = 5;

/** resource.Info's String(), which kubectl puts into some of its errors. */
export function infoString(m: ManifestObject): string {
  const gv = groupVersion(m.info);
  const core = m.info.group ? gv : `/${gv}`;
  return `Resource: "${core}, Resource=${m.info.resource}", GroupVersionKind: "${core}, Kind=${m.info.kind}"\nName: "${m.name}", Namespace: "${m.namespace}"`;
}

async function getCurrent(session: Session, m: ManifestObject): Promise<KubeObject | undefined> {
  try {
    return await session.rest.json<KubeObject>({ path: objectPath(m.info, m.namespace || undefined, m.name) });
  } catch (err) {
    if (err instanceof ServerError && err.httpStatus === 404) return undefined;
    throw withSource(err, `retrieving current configuration of:\n${infoString(m)}\nfrom server for:`, m.source);
  }
}

function lastApplied(current: KubeObject): unknown {
  const text = current.metadata?.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function applyClientSide(session: Session, m: ManifestObject, write: WriteOptions, stderr: NodeJS.WritableStream): Promise<Applied> {
  const modified = withLastApplied(m.object, false) as KubeObject;
  let current = await getCurrent(session, m);
  if (!current) {
    if (write.dryRun === 'client') return { operation: 'created', object: modified };
    try {
      const created = await session.rest.json<KubeObject>({ method: 'POST', path: collectionPath(m.info, m.namespace || undefined), query: writeQuery(write), body: modified });
      return { operation: 'created', object: created };
    } catch (err) {
      throw withSource(err, 'creating', m.source);
    }
  }
  if (write.dryRun === 'client') return { operation: 'configured', object: current };
  if (current.metadata?.annotations?.[LAST_APPLIED] === undefined)
    stderr.write(
      `Warning: resource ${m.info.resource}/${m.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  const choice = await patchChoice(session.rest, m.info);
  for (let attempt = 0; ; attempt++) {
    const patch =
      choice.type === 'strategic'
        ? createThreeWayStrategicMergePatch(lastApplied(current), modified, current, choice.schema)
        : createThreeWayJsonMergePatch(lastApplied(current), modified, current);
    if (Object.keys(patch).length === 0) return { operation: 'unchanged', object: current };
    try {
      const patched = await session.rest.json<KubeObject>({
        method: 'PATCH',
        path: objectPath(m.info, m.namespace || undefined, m.name),
        query: writeQuery(write),
        contentType: choice.type === 'strategic' ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
        body: patch,
      });
      return { operation: 'configured', object: patched };
    } catch (err) {
      if (err instanceof ServerError && err.httpStatus === 409 && attempt < MAX_CONFLICT_RETRIES) {
        current = (await getCurrent(session, m)) ?? current;
        continue;
      }
      throw withSource(withSource(err, 'patching', m.source), `applying patch:\n${JSON.stringify(patch)}\nto:\n${infoString(m)}\nfor:`, m.source);
    }
  }
}
