// kubectl replace -f: each object of the files PUT in place of the live one (its
// resourceVersion taken from the server when the file has none), "kind/name replaced"; with
// --force, every object is deleted first ("kind "name" deleted"), awaited until gone, then
// created anew.
import { CommandError, UsageError, type Command, type CommandContext, type Session } from '../command';
import { collectionPath, objectPath, qualifiedKind } from '../discovery';
import { cascadeOf, deleteBody } from '../delete/options';
import { waitDeleted, type Deleted } from '../delete/wait-deleted';
import { errorsText, withSource } from '../errors';
import { FILENAME_FLAGS, readFromFlags, type KubeObject, type ManifestObject } from '../manifests/objects';
import { ServerError } from '../rest';
import { resultPrinter, writeFlags, writeOptions, writeQuery, type ResultPrinter, type WriteOptions } from '../write';
import { annotated } from './create/from-files';

/** Replace with overwrite: a missing resourceVersion is the server's, so the PUT wins. */
async function replaceOne(session: Session, m: ManifestObject, obj: KubeObject, write: WriteOptions): Promise<KubeObject> {
  const path = objectPath(m.info, m.namespace || undefined, m.name);
  let body = obj;
  if (!obj.metadata?.resourceVersion) {
    const live = await session.rest.json<KubeObject>({ path }).catch(() => undefined);
    if (live?.metadata?.resourceVersion) body = { ...obj, metadata: { ...obj.metadata, resourceVersion: live.metadata.resourceVersion } };
  }
  return session.rest.json<KubeObject>({ method: 'PUT', path, query: writeQuery(write), body });
}

/** forceReplace: delete everything (NotFound ignored), wait until gone, create everything. */
async function forceReplace(ctx: CommandContext, session: Session, objects: ManifestObject[], write: WriteOptions, printer: ResultPrinter): Promise<number> {
  const { flags, io } = ctx;
  const gracePeriod = flags.int('grace-period', -1);
  const body = deleteBody({ propagation: cascadeOf(flags.string('cascade') || 'background', io.stderr), gracePeriod: gracePeriod === 0 ? 1 : gracePeriod, force: true, ignoreNotFound: true });
  const deleted: Deleted[] = [];
  for (const m of objects) {
    try {
      const answer = await session.rest.json<{ metadata?: { uid?: string } }>({ method: 'DELETE', path: objectPath(m.info, m.namespace || undefined, m.name), body });
      io.stdout.write(flags.string('output') === 'name' ? `${qualifiedKind(m.info)}/${m.name}\n` : `${qualifiedKind(m.info)} "${m.name}" deleted\n`);
      deleted.push({ info: m.info, namespace: m.namespace, name: m.name, uid: answer.metadata?.uid });
    } catch (err) {
      if (!(err instanceof ServerError && err.httpStatus === 404)) throw withSource(err, 'deleting', m.source);
    }
  }
  await waitDeleted(session.rest, deleted, flags.int('timeout', 0) || 5 * 60 * 1000);
  for (const m of objects) {
    const created = await session.rest.json<KubeObject>({ method: 'POST', path: collectionPath(m.info, m.namespace || undefined), query: writeQuery(write), body: annotated(m.object, write.saveConfig) });
    io.stdout.write(printer.print(created, 'replaced'));
  }
  if (!objects.length) throw new CommandError('no objects passed to replace');
  return 0;
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const write = writeOptions(ctx, 'kubectl-replace');
  if (!flags.strings('filename').length) throw new CommandError('must specify one of -f and -k');
  const force = flags.bool('force');
  if (flags.int('grace-period', -1) >= 0 && !force) throw new CommandError('--grace-period must have --force specified');
  if (flags.int('timeout', 0) !== 0 && !force) throw new CommandError('--timeout must have --force specified');
  if (force && write.dryRun !== 'none') throw new CommandError('--dry-run can not be used when --force is set');
  if (flags.string('raw') || flags.string('subresource')) throw new CommandError('--raw and --subresource are not supported by the built-in kubectl yet');
  if (ctx.args.length) throw new UsageError(`Unexpected args: [${ctx.args.join(' ')}]`);
  const printer = resultPrinter(flags, { dryRun: write.dryRun, cwd: io.cwd });
  const session = await ctx.session();
  const read = await readFromFlags(ctx, session, write.validation !== 'Ignore');
  if (force) {
    if (read.errors.length) {
      io.stderr.write(errorsText(read.errors, ctx.path));
      return 1;
    }
    return forceReplace(ctx, session, read.objects, write, printer);
  }
  const errors: unknown[] = [];
  for (const m of read.objects) {
    const obj = annotated(m.object, write.saveConfig);
    try {
      io.stdout.write(printer.print(write.dryRun === 'client' ? obj : await replaceOne(session, m, obj, write), 'replaced'));
    } catch (err) {
      errors.push(withSource(err, 'replacing', m.source));
    }
  }
  errors.push(...read.errors);
  if (errors.length) {
    io.stderr.write(errorsText(errors, ctx.path));
    return 1;
  }
  return 0;
}

export const replace: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  flags: [
    ...FILENAME_FLAGS,
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'duration' },
    { name: 'wait', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
    ...writeFlags({ validate: true, saveConfig: true }),
  ],
  run,
};
