// Server-side apply of one object (apply.go, ServerSideApply): the whole object sent as an
// apply patch under the field manager, with force=--force-conflicts; a conflict comes back as
// kubectl explains it, with the ways out.
import type { Session } from '../command';
import { objectPath } from '../discovery';
import type { KubeObject, ManifestObject } from '../manifests/objects';
import { CommandError } from '../command';
import { ServerError } from '../rest';
import { writeQuery, type WriteOptions } from '../write';

const CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

export async function applyServerSide(session: Session, m: ManifestObject, write: WriteOptions, force: boolean): Promise<KubeObject> {
  try {
    return await session.rest.json<KubeObject>({
      method: 'PATCH',
      path: objectPath(m.info, m.namespace || undefined, m.name),
      query: { ...writeQuery(write), force },
      contentType: 'application/apply-patch+yaml',
      body: JSON.stringify(m.object),
    });
  } catch (err) {
    if (err instanceof ServerError && err.httpStatus === 409) throw new CommandError(`${err.status.message}\n${CONFLICT_HELP}`);
    throw err;
  }
}
