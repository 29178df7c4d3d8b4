// kubectl api-resources: the server's preferred resources as a table (or -o wide|name),
// filtered by --api-group, --namespaced, --verbs and --categories, sorted by group (or
// --sort-by name|kind) and then by name, as kubectl sorts them.
import type { Command, CommandContext } from '../command';
import { CommandError, UsageError } from '../command';
import { groupVersion, type ResourceInfo } from '../discovery';
import { alignColumns } from '../printers/tabwriter';

const hasAll = (have: string[], want: string[]) => want.every((w) => have.includes(w));

function sortKey(r: ResourceInfo, sortBy: string): string {
  return sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group;
}

/** Go's strings.Compare (byte order), not localeCompare. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  if (ctx.args.length) throw new UsageError(`unexpected arguments: [${ctx.args.join(' ')}]`);
  const output = flags.string('output');
  const sortBy = flags.string('sort-by');
  if (!['', 'wide', 'name'].includes(output)) throw new CommandError(`--output ${output} is not available`);
  if (!['', 'name', 'kind'].includes(sortBy)) throw new CommandError('--sort-by accepts only name or kind');
  const session = await ctx.session();
  const verbs = flags.strings('verbs');
  const categories = flags.strings('categories');
  const resources = (await session.discovery())
    .preferredResources()
    .filter(
      (r) =>
        r.verbs.length > 0 &&
        (!flags.has('api-group') || r.group === flags.string('api-group')) &&
        (!flags.has('namespaced') || r.namespaced === flags.bool('namespaced')) &&
        hasAll(r.verbs, verbs) &&
        hasAll(r.categories, categories),
    )
    // Array.prototype.sort is stable, as kubectl's sort.Stable.
    .sort((a, b) => compare(sortKey(a, sortBy), sortKey(b, sortBy)) || compare(a.resource, b.resource));
  if (output === 'name') {
    io.stdout.write(resources.map((r) => `${r.resource}${r.group ? `.${r.group}` : ''}\n`).join(''));
    return 0;
  }
  const wide = output === 'wide';
  const lines: string[][] = flags.bool('no-headers') ? [] : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]];
  for (const r of resources)
    lines.push([r.resource, r.shortNames.join(','), groupVersion(r), String(r.namespaced), r.kind, ...(wide ? [r.verbs.join(','), r.categories.join(',')] : [])]);
  io.stdout.write(alignColumns(lines));
  return 0;
}

export const apiResources: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'api-group', type: 'string' },
    { name: 'namespaced', type: 'bool' },
    { name: 'verbs', type: 'stringSlice' },
    { name: 'sort-by', type: 'string' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringSlice' },
  ],
  run,
};
