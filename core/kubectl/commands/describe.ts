// kubectl describe: the objects named (TYPE NAME..., TYPE/NAME...), or every object of a type
// (with -l, -A), each described as kubectl's describer for its kind prints it; with a single
// name that does not exist, every object whose name starts with it. Descriptions are
// separated by two blank lines; errors come after, one per line, exit 1.
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { listAll } from '../describe/fetch';
import { describerFor, type DescribeContext } from '../describe/index';
import { collectionPath, objectPath, type Discovery, type ResourceInfo } from '../discovery';
import { errorText } from '../errors';
import { resolveTargets, type ResourceTarget } from '../resource-args';
import { ServerError } from '../rest';

const CHUNK = 500;

interface Found {
  info: ResourceInfo;
  namespace: string;
  name: string;
}

/** `TYPE,TYPE NAME...` names each object in every type given; the other forms as resolveTargets reads them. */
function targetsOf(args: string[], discovery: Discovery): ResourceTarget[] {
  if (args.some((a) => a.includes('/')) || args.length === 1) return resolveTargets(args, discovery);
  return resolveTargets([args[0]!], discovery).map((t) => ({ ...t, names: args.slice(1) }));
}

const nameOf = (item: { metadata?: { name?: string; namespace?: string } }) => item.metadata ?? {};

/** Every object of a type (paged by --chunk-size), as the builder lists it. */
async function listNames(ctx: DescribeContext, info: ResourceInfo, namespace: string | undefined, selector: string | undefined): Promise<Found[]> {
  const items = await listAll<{ metadata?: { name?: string; namespace?: string } }>(ctx, collectionPath(info, namespace), { labelSelector: selector });
  return items.map((item) => ({ info, namespace: nameOf(item).namespace ?? '', name: nameOf(item).name ?? '' }));
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  if (ctx.args.length === 0) throw new CommandError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const session = await ctx.session();
  const targets = targetsOf(ctx.args, await session.discovery());
  const selector = flags.string('selector') || undefined;
  if (selector && targets.some((t) => t.names.length)) throw new CommandError('name cannot be provided when a selector is specified');
  const allNamespaces = flags.bool('all-namespaces');
  if (allNamespaces && targets.some((t) => t.names.length)) throw new CommandError('a resource cannot be retrieved by name across all namespaces');
  const namespace = session.config.namespace;
  const describe: DescribeContext = { rest: session.rest, showEvents: flags.bool('show-events', true), chunkSize: flags.int('chunk-size', CHUNK), now: new Date() };

  const found: Found[] = [];
  const errors: unknown[] = [];
  for (const { info, names } of targets) {
    const ns = info.namespaced ? namespace : '';
    if (!names.length) {
      found.push(...(await listNames(describe, info, info.namespaced && !allNamespaces ? namespace : undefined, selector)));
      continue;
    }
    for (const name of names) {
      try {
        const obj = await session.rest.json<{ metadata?: { name?: string; namespace?: string } }>({ path: objectPath(info, ns || undefined, name) });
        found.push({ info, namespace: nameOf(obj).namespace ?? '', name: nameOf(obj).name ?? name });
      } catch (err) {
        errors.push(err);
      }
    }
  }

  // Only a lone NotFound error is NotFound to kubectl (an aggregate of several is not).
  const [only] = errors;
  if (errors.length === 1 && only instanceof ServerError && only.httpStatus === 404 && ctx.args.length === 2 && !ctx.args[0]!.includes('/'))
    return describeMatching(ctx, describe, only, namespace);

  const seen = new Set<string>();
  let first = true;
  for (const f of found) {
    try {
      const text = await describerFor(f.info)(describe, f.namespace, f.name);
      io.stdout.write(first ? text : `\n\n${text}`);
      first = false;
    } catch (err) {
      const message = errorText(err, ctx.path);
      if (!seen.has(message)) errors.push(err);
      seen.add(message);
    }
  }
  if (!found.length && !errors.length) io.stderr.write(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  for (const e of errors) io.stderr.write(errorText(e, ctx.path));
  return errors.length ? 1 : 0;
}

/** DescribeMatchingResources: `describe TYPE PREFIX` when no object is named PREFIX. */
async function describeMatching(ctx: CommandContext, describe: DescribeContext, original: unknown, namespace: string): Promise<number> {
  const session = await ctx.session();
  const [types, prefix] = ctx.args as [string, string];
  const infos = resolveTargets([types], await session.discovery()).map((t) => t.info);
  if (infos.length !== 1) throw new CommandError('you may only specify a single resource type');
  const info = infos[0]!;
  const matching = (await listNames(describe, info, info.namespaced ? namespace : undefined, undefined)).filter((f) => f.name.startsWith(prefix));
  if (!matching.length) throw original;
  for (const f of matching) ctx.io.stdout.write(`${await describerFor(info)(describe, f.namespace, f.name)}\n`);
  return 0;
}

export const describe: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-events', type: 'bool' },
    { name: 'chunk-size', type: 'int' },
  ],
  run,
};
