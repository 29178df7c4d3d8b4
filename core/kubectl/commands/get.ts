// kubectl get: server-side Tables printed as kubectl prints them, or the objects themselves
// (-o yaml|json|name). Missing names are reported after what was found, exit 1, as kubectl does.
import type { Command, CommandContext } from '../command';
import { CommandError, UsageError } from '../command';
import { collectionPath, objectPath, qualifiedKind, type ResourceInfo } from '../discovery';
import { alignColumns } from '../printers/tabwriter';
import { tableLines, type Table, type TableColumnDefinition } from '../printers/table';
import { asList, toJson, toYaml } from '../printers/yaml-json';
import { templatePrinter } from '../printers/template-printers';
import { sortByField } from '../printers/sort-by';
import { withoutManagedFields } from '../printers/managed-fields';
import { resolveTargets } from '../resource-args';
import { ServerError } from '../rest';
import { errorText } from '../errors';
import { listAll, PAGE, sortedTable, TABLE_ACCEPT } from './get-fetch';
import { watchGet } from './get-watch';

const OUTPUTS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

interface Fetched {
  info: ResourceInfo;
  tables: Table[];
  objects: Record<string, unknown>[];
}

/** The objects of a list output in --sort-by order, across kinds as kubectl sorts its one List. */
function sortObjects(fetched: Fetched[], sortBy: string): void {
  const all = fetched.flatMap((f) => f.objects.map((o) => ({ f, o })));
  const sorted = sortByField(all, (x) => x.o, sortBy);
  for (const f of fetched) f.objects = [];
  for (const { f, o } of sorted) f.objects.push(o);
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const output = flags.string('output');
  const template = templatePrinter({
    output,
    template: flags.string('template'),
    allowMissingKeys: flags.bool('allow-missing-template-keys', true),
    noHeaders: flags.bool('no-headers'),
    cwd: io.cwd,
  });
  if (output && !template && !['wide', 'yaml', 'json', 'name'].includes(output))
    throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUTS}`);
  const sortBy = flags.string('sort-by');
  if (flags.bool('watch') || flags.bool('watch-only')) {
    if (sortBy) io.stderr.write(flags.bool('watch') ? 'warning: --watch requested, --sort-by will be ignored for watch events received\n' : 'warning: --watch-only requested, --sort-by will be ignored\n');
    return watchGet(ctx, { output, template, sortBy });
  }
  if (flags.bool('output-watch-events')) throw new CommandError('--output-watch-events option can only be used with --watch or --watch-only');
  if (ctx.args.length === 0) {
    io.stderr.write('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new UsageError('Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
  }
  const session = await ctx.session();
  const targets = resolveTargets(ctx.args, await session.discovery());
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = session.config.namespace;
  const wantsTable = !output || output === 'wide';
  const accept = wantsTable ? TABLE_ACCEPT : 'application/json';
  const query = {
    labelSelector: flags.string('selector') || undefined,
    fieldSelector: flags.string('field-selector') || undefined,
    // --sort-by reads each row's object, and kubectl then lists in one request.
    includeObject: wantsTable && sortBy ? 'Object' : undefined,
  };
  const errors: string[] = [];
  const fetched: Fetched[] = [];
  for (const { info, names } of targets) {
    const ns = info.namespaced && !allNamespaces ? namespace : undefined;
    const got: Fetched = { info, tables: [], objects: [] };
    if (names.length === 0) {
      const pages = await listAll<Table & { items?: Record<string, unknown>[]; metadata?: { continue?: string } }>(
        session.rest,
        collectionPath(info, ns),
        query,
        accept,
        sortBy ? 0 : flags.int('chunk-size', PAGE),
      );
      for (const page of pages) {
        if (wantsTable) got.tables.push(page);
        else got.objects.push(...(page.items ?? []).map((item) => ({ apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, ...item })));
      }
    }
    for (const name of names) {
      try {
        const answer = await session.rest.json<Table & Record<string, unknown>>({ path: objectPath(info, ns, name), accept });
        if (wantsTable) got.tables.push(answer);
        else got.objects.push(answer);
      } catch (err) {
        if (err instanceof ServerError && err.httpStatus === 404 && flags.bool('ignore-not-found')) continue;
        if (!(err instanceof ServerError)) throw err;
        errors.push(errorText(err, ctx.path));
      }
    }
    // A list counts even when empty; a name only when found (kubectl's builder infos).
    if (names.length === 0 || got.tables.length || got.objects.length) fetched.push(got);
  }
  const singleObject = targets.length === 1 && targets[0]!.names.length === 1;
  if (sortBy && wantsTable) for (const f of fetched) f.tables = f.tables.map((t) => sortedTable(t, sortBy));
  else if (sortBy && !singleObject) sortObjects(fetched, sortBy);
  const anything = fetched.some((f) => f.objects.length || f.tables.some((t) => t.rows?.length));
  if (output === 'yaml' || output === 'json' || template) {
    const all = fetched.flatMap((f) => f.objects);
    const objects = template || flags.bool('show-managed-fields') ? all : all.map(withoutManagedFields);
    if (objects.length || !errors.length) {
      const value = singleObject && objects.length === 1 ? objects[0]! : asList(objects);
      io.stdout.write(template ? template.print(value) : output === 'json' ? toJson(value) : toYaml(value));
    }
  } else if (output === 'name') {
    for (const f of fetched) for (const o of f.objects) io.stdout.write(`${qualifiedKind(f.info)}/${(o.metadata as { name: string }).name}\n`);
  } else if (anything) {
    const withKind = flags.bool('show-kind') || fetched.length > 1;
    const blocks: string[][][] = [];
    for (const f of fetched) {
      const rows = f.tables.flatMap((t) => t.rows ?? []);
      if (!rows.length) continue;
      const columns: TableColumnDefinition[] = f.tables.find((t) => t.columnDefinitions?.length)?.columnDefinitions ?? [];
      blocks.push(
        tableLines({ rows }, columns, {
          wide: output === 'wide',
          noHeaders: flags.bool('no-headers'),
          withNamespace: allNamespaces && f.info.namespaced,
          showLabels: flags.bool('show-labels'),
          labelColumns: flags.strings('label-columns'),
          kindPrefix: withKind ? qualifiedKind(f.info) : undefined,
        }),
      );
    }
    const lines: string[][] = [];
    blocks.forEach((b, i) => {
      if (i > 0) lines.push(['']);
      lines.push(...b);
    });
    io.stdout.write(alignColumns(lines));
  }
  if (!anything && !errors.length && !flags.bool('ignore-not-found') && output !== 'yaml' && output !== 'json' && !template) {
    const namespaced = targets.some((t) => t.info.namespaced);
    io.stderr.write(namespaced && !allNamespaces ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
  }
  for (const e of errors) io.stderr.write(e);
  return errors.length ? 1 : 0;
}

export const get: Command = {
  name: 'get',
  short: 'Display one or many resources',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-labels', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'stringSlice' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'chunk-size', type: 'int' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
  ],
  run,
};
