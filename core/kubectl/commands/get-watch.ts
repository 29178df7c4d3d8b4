// kubectl get --watch / --watch-only: what there is now (a collection, or one named object),
// then every change, printed as it comes until the server ends the watch (exit 0) or the user
// interrupts it (exit 1). As kubectl's get.go watch(): one resource type only; a named object
// is watched with metadata.name from "any" resourceVersion, whose synthetic ADDED is not printed;
// a collection from the list's resourceVersion.
import type { CommandContext } from '../command';
import { CommandError } from '../command';
import { collectionPath, objectPath, qualifiedKind, type ResourceInfo } from '../discovery';
import type { Table } from '../printers/table';
import type { ObjectPrinter } from '../printers/template-printers';
import { objectWatchPrinter, tableWatchPrinter, templateWatchPrinter, type WatchPrinter } from '../printers/watch-printer';
import { resolveTargets } from '../resource-args';
import { RequestTimeoutError, type RestClient } from '../rest';
import { watchEvents } from '../watch-events';
import { listAll, PAGE, sortedTable, TABLE_ACCEPT } from './get-fetch';

export interface WatchGetOptions {
  output: string;
  template: ObjectPrinter | undefined;
  sortBy: string;
}

type Obj = Record<string, unknown>;

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

function printerFor(ctx: CommandContext, info: ResourceInfo, opts: WatchGetOptions): WatchPrinter {
  const { flags } = ctx;
  if (opts.template) return templateWatchPrinter(opts.template);
  if (opts.output === 'yaml' || opts.output === 'json' || opts.output === 'name')
    return objectWatchPrinter({ output: opts.output, showManagedFields: flags.bool('show-managed-fields'), kind: qualifiedKind(info) });
  return tableWatchPrinter({
    wide: opts.output === 'wide',
    noHeaders: flags.bool('no-headers'),
    withNamespace: flags.bool('all-namespaces') && info.namespaced,
    showLabels: flags.bool('show-labels'),
    labelColumns: flags.strings('label-columns'),
    kindPrefix: flags.bool('show-kind') ? qualifiedKind(info) : undefined,
  });
}

/** Resolves with 1 on the first SIGINT or SIGTERM (kubectl's interrupt handler exits 1). */
function onInterrupt(stop: () => void): { interrupted: () => boolean; dispose: () => void } {
  let interrupted = false;
  const handler = () => {
    interrupted = true;
    stop();
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return {
    interrupted: () => interrupted,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

export async function watchGet(ctx: CommandContext, opts: WatchGetOptions): Promise<number> {
  const { flags, io } = ctx;
  if (ctx.args.length === 0) throw new CommandError(NO_RESOURCES);
  const session = await ctx.session();
  const targets = resolveTargets(ctx.args, await session.discovery());
  if (targets.length > 1) throw new CommandError('you may only specify a single resource type');
  const { info, names } = targets[0]!;
  const namespace = info.namespaced && !flags.bool('all-namespaces') ? session.config.namespace : undefined;
  const humanReadable = !opts.template && (!opts.output || opts.output === 'wide');
  const accept = humanReadable ? TABLE_ACCEPT : 'application/json';
  const selectors = {
    labelSelector: flags.string('selector') || undefined,
    fieldSelector: flags.string('field-selector') || undefined,
    includeObject: humanReadable && opts.sortBy ? 'Object' : undefined,
  };

  const initial: Obj[] = [];
  let resourceVersion = '0';
  if (names.length === 0) {
    const pages = await listAll<Table & { items?: Obj[]; metadata?: { continue?: string; resourceVersion?: string } }>(
      session.rest,
      collectionPath(info, namespace),
      selectors,
      accept,
      flags.int('chunk-size', PAGE),
    );
    resourceVersion = pages[0]?.metadata?.resourceVersion ?? '0';
    for (const page of pages) {
      if (humanReadable) initial.push((opts.sortBy ? sortedTable(page, opts.sortBy) : page) as Obj);
      else initial.push(...(page.items ?? []).map((item) => ({ apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, ...item })));
    }
  } else {
    for (const name of names) initial.push(await session.rest.json<Obj>({ path: objectPath(info, namespace, name), accept }));
  }

  const printer = printerFor(ctx, info, opts);
  const events = flags.bool('output-watch-events');
  if (!flags.bool('watch-only')) {
    for (const obj of initial) printer.add(obj, events ? 'ADDED' : undefined);
    io.stdout.write(printer.flush());
  }
  if (names.length > 1) throw new CommandError('you may only watch a single resource or type of resource at a time');
  const query = names.length
    ? { fieldSelector: `metadata.name=${names[0]}`, resourceVersion, watch: true }
    : { labelSelector: selectors.labelSelector, fieldSelector: selectors.fieldSelector, includeObject: selectors.includeObject, resourceVersion, watch: true };
  return streamEvents(session.rest, { path: collectionPath(info, namespace), query, accept }, printer, {
    events,
    // A watch from "any" version opens with an ADDED of the object just printed.
    skipFirst: names.length === 1,
    write: (text) => io.stdout.write(text),
  });
}

async function streamEvents(
  rest: RestClient,
  req: Parameters<RestClient['stream']>[0],
  printer: WatchPrinter,
  opts: { events: boolean; skipFirst: boolean; write: (text: string) => void },
): Promise<number> {
  const res = await rest.stream(req);
  const signals = onInterrupt(() => res.destroy());
  let skip = opts.skipFirst;
  try {
    for await (const e of watchEvents<Obj>(res)) {
      if (e.type === 'BOOKMARK') continue;
      if (skip) {
        skip = false;
        continue;
      }
      printer.add(e.object, opts.events ? e.type : undefined);
      opts.write(printer.flush());
    }
  } catch (err) {
    // The watch ends when --request-timeout runs out, as when the server closes it.
    if (!signals.interrupted() && !(err instanceof RequestTimeoutError)) throw err;
  } finally {
    signals.dispose();
  }
  return signals.interrupted() ? 1 : 0;
}
