// The objects a command names, as kubectl's resource builder names them without fetching them
// (RequireObject(false)): the objects of -f files, TYPE NAME... and TYPE/NAME... as given, or
// every object of each TYPE that -l, --field-selector or --all select (listed, in one or all
// namespaces). The builder's own errors come first, before anything is done.
import { CommandError, type CommandContext, type Session } from './command';
import { collectionPath, type ResourceInfo } from './discovery';
import { ServerError } from './rest';
import { readManifests } from './manifests/objects';
import { resolveTargets } from './resource-args';
import { MISSING_RESOURCES } from './resource-builder';

export interface Target {
  info: ResourceInfo;
  namespace: string;
  name: string;
  /** The file it came from (errors say "error when deleting <source>"). */
  source?: string;
}

export interface TargetList {
  targets: Target[];
  /** Errors met while reading files, reported with the delete errors. */
  errors: unknown[];
}

interface Listed {
  items?: { metadata?: { name?: string; namespace?: string } }[];
  metadata?: { continue?: string };
}

/** The builder's wording for a list the server refused as bad or not found. */
function listError(err: unknown, info: ResourceInfo, labelSelector = '', fieldSelector = ''): unknown {
  if (!(err instanceof ServerError) || (err.httpStatus !== 400 && err.httpStatus !== 404)) return err;
  const resource = `${info.group}/${info.version}, Resource=${info.resource}`;
  const message =
    labelSelector || fieldSelector
      ? `Unable to find "${resource}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${err.status.message}`
      : `Unable to list "${resource}": ${err.status.message}`;
  return new ServerError({ ...err.status, message }, err.httpStatus);
}

async function listTargets(session: Session, info: ResourceInfo, namespace: string | undefined, query: Record<string, string | undefined>): Promise<Target[]> {
  const found: Target[] = [];
  let next: string | undefined;
  do {
    const page = await session.rest
      .json<Listed>({ path: collectionPath(info, namespace), query: { ...query, limit: '500', continue: next } })
      .catch((err: unknown) => Promise.reject(listError(err, info, query.labelSelector, query.fieldSelector)));
    for (const item of page.items ?? []) found.push({ info, namespace: item.metadata?.namespace ?? '', name: item.metadata?.name ?? '' });
    next = page.metadata?.continue || undefined;
  } while (next);
  return found;
}

export async function objectTargets(ctx: CommandContext, session: Session): Promise<TargetList> {
  const { flags, args } = ctx;
  const filenames = flags.strings('filename');
  const selector = flags.string('selector') || undefined;
  const fieldSelector = flags.string('field-selector') || undefined;
  const all = flags.bool('all');
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = session.config.namespace;
  if (all && (selector || fieldSelector)) throw new CommandError("setting 'all' parameter but found a non empty selector. ");
  if (filenames.length) {
    if (args.length) throw new CommandError('resource/name arguments cannot be provided when a path is specified');
    const read = await readManifests(
      { filenames, recursive: flags.bool('recursive'), validate: false, selector, namespace, enforceNamespace: session.config.namespaceExplicit },
      ctx.io,
      await session.discovery(),
    );
    return { targets: read.objects.map((o) => ({ info: o.info, namespace: o.namespace, name: o.name, source: o.source })), errors: read.errors };
  }
  if (!args.length) throw new CommandError(all || selector || fieldSelector ? 'at least one resource must be specified to use a selector' : MISSING_RESOURCES);
  const resolved = resolveTargets(args, await session.discovery());
  const selecting = all || selector !== undefined || fieldSelector !== undefined;
  const named = resolved.some((t) => t.names.length);
  if (named && selecting) throw new CommandError('name cannot be provided when a selector is specified');
  if (named && allNamespaces) throw new CommandError('a resource cannot be retrieved by name across all namespaces');
  if (!named && !selecting) throw new CommandError('resource(s) were provided, but no name was specified');
  const targets: Target[] = [];
  for (const { info, names } of resolved) {
    const ns = info.namespaced ? namespace : '';
    if (named) targets.push(...names.map((name) => ({ info, namespace: ns, name })));
    else targets.push(...(await listTargets(session, info, info.namespaced && !allNamespaces ? namespace : undefined, { labelSelector: selector, fieldSelector })));
  }
  return { targets, errors: [] };
}
