// kubectl cordon, uncordon and drain NODE (or -l SELECTOR): spec.unschedulable set with a
// strategic merge patch, then for drain the node's pods evicted (or deleted) as kubectl's drain
// helper decides, each reported as it goes, "node/x drained" at the end.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Command, CommandContext, Session } from '../command';
import { CommandError, UsageError } from '../command';
import { objectPath } from '../discovery';
import { deleteOrEvictPods } from '../drain/evict';
import { errorsOf, podVerdict, warningsOf, type FilterOptions, type PodDelete } from '../drain/pod-filters';
import { labelSelectorToString, parseLabelSelector } from '../../machinery/selectors/label-selector';
import { aggregateMessage } from '../errors';
import type { FlagSpec } from '../flags';
import { fetchObjects, isFailure, type ResourceObject } from '../resource-objects';
import { ServerError } from '../rest';
import { dryRunOf, kindAndName, type DryRun } from '../write';

const SELECTOR: FlagSpec = { name: 'selector', short: 'l', type: 'string' };
const DRY_RUN: FlagSpec = { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' };

const suffix = (dryRun: DryRun) => (dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '');
const said = (obj: object, operation: string, dryRun: DryRun) => `${kindAndName(obj as Record<string, unknown>)} ${operation}${suffix(dryRun)}\n`;

/** The nodes named (NAME or TYPE/NAME) or selected; anything else stops the command, as kubectl's Complete does. */
async function nodesOf(ctx: CommandContext, use: string): Promise<{ session: Session; nodes: ResourceObject[]; dryRun: DryRun }> {
  const selector = ctx.flags.string('selector');
  if (!ctx.args.length && !ctx.flags.has('selector')) throw new UsageError(`USAGE: ${use} [flags]`);
  if (ctx.args.length && selector) throw new UsageError('error: cannot specify both a node name and a --selector option');
  const dryRun = dryRunOf(ctx.flags, ctx.io.stderr);
  const podSelector = ctx.flags.string('pod-selector');
  if (podSelector) {
    try {
      parseLabelSelector(podSelector);
    } catch {
      throw new CommandError('--pod-selector=<pod_selector> must be a valid label selector');
    }
  }
  const session = await ctx.session();
  const args = ctx.args.length ? ctx.args.map((a) => (a.includes('/') ? a : `nodes/${a}`)) : ['nodes'];
  const nodes: ResourceObject[] = [];
  for (const item of await fetchObjects(session, args, selector)) {
    if (isFailure(item)) throw item.error;
    if (item.info.group || item.info.resource !== 'nodes') throw new CommandError(`error: expected resource of type node, got "${item.info.group}/${item.info.version}, Resource=${item.info.resource}"`);
    nodes.push(item);
  }
  return { session, nodes, dryRun };
}

/** RunCordonOrUncordon: a failed patch is reported and the others go on; the command still succeeds. */
async function cordonAll(ctx: CommandContext, session: Session, nodes: ResourceObject[], desired: boolean, dryRun: DryRun): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const { info, name, object } of nodes) {
    if (Boolean((object as Node).spec?.unschedulable) === desired) {
      ctx.io.stdout.write(said(object, `already ${verb}ed`, dryRun));
      continue;
    }
    if (dryRun !== 'client') {
      try {
        await session.rest.json({
          method: 'PATCH',
          path: objectPath(info, undefined, name),
          query: { dryRun: dryRun === 'server' ? 'All' : undefined },
          contentType: 'application/strategic-merge-patch+json',
          body: { spec: { unschedulable: desired ? true : null } },
        });
      } catch (err) {
        ctx.io.stderr.write(`error: unable to ${verb} node "${name}": ${(err as Error).message}\n`);
        continue;
      }
    }
    ctx.io.stdout.write(said(object, `${verb}ed`, dryRun));
  }
}

function cordoning(desired: boolean, use: string) {
  return async (ctx: CommandContext): Promise<number> => {
    const { session, nodes, dryRun } = await nodesOf(ctx, use);
    await cordonAll(ctx, session, nodes, desired, dryRun);
    return 0;
  };
}

/** GetPodsForDeletion: the node's pods (in pages of --chunk-size) with each one's verdict. */
async function podsForDeletion(session: Session, node: string, podSelector: string, chunk: number, opts: FilterOptions): Promise<PodDelete[]> {
  const pods: Pod[] = [];
  let next: string | undefined;
  do {
    const page = await session.rest.json<{ items: Pod[]; metadata: { continue?: string } }>({
      path: '/api/v1/pods',
      query: { labelSelector: podSelector ? labelSelectorToString(parseLabelSelector(podSelector)) : undefined, fieldSelector: `spec.nodeName=${node}`, limit: chunk || undefined, continue: next },
    });
    pods.push(...page.items.map((p) => ({ ...p, apiVersion: 'v1' as const, kind: 'Pod' as const })));
    next = page.metadata.continue || undefined;
  } while (next);
  const daemonSet = async (namespace: string, name: string) => {
    try {
      await session.rest.json({ path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/daemonsets/${encodeURIComponent(name)}` });
      return undefined;
    } catch (err) {
      if (!(err instanceof ServerError)) throw err;
      return { message: err.message, notFound: err.httpStatus === 404 };
    }
  };
  const now = Date.now();
  return Promise.all(pods.map(async (pod) => ({ pod, verdict: await podVerdict(pod, opts, daemonSet, now) })));
}

async function drain(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const { session, nodes, dryRun } = await nodesOf(ctx, 'drain NODE');
  await cordonAll(ctx, session, nodes, true, dryRun);
  const filters: FilterOptions = {
    force: flags.bool('force'),
    ignoreAllDaemonSets: flags.bool('ignore-daemonsets'),
    deleteEmptyDirData: flags.bool('delete-emptydir-data'),
    skipWaitForDeleteTimeoutSeconds: flags.int('skip-wait-for-delete-timeout', 0),
  };
  const podSelector = flags.string('pod-selector');
  const chunk = flags.int('chunk-size', 500);
  const fatal: unknown[] = [];
  const remaining: string[] = [];
  for (const { name, object } of nodes) {
    try {
      const list = await podsForDeletion(session, name, podSelector, chunk, filters);
      const errors = errorsOf(list);
      if (errors.length) throw new AggregateError(errors);
      const warnings = warningsOf(list);
      if (warnings) io.stderr.write(`Warning: ${warnings}\n`);
      const pods = list.filter((p) => p.verdict.delete).map((p) => p.pod);
      if (dryRun === 'client') {
        for (const pod of pods) io.stdout.write(`evicting pod ${pod.metadata?.namespace}/${pod.metadata?.name} (dry run)\n`);
      } else {
        await deleteOrEvictPods(session.rest, pods, {
          gracePeriodSeconds: flags.int('grace-period', -1),
          timeoutMs: flags.int('timeout', 0),
          dryRun,
          disableEviction: flags.bool('disable-eviction'),
          skipWaitForDeleteTimeoutSeconds: filters.skipWaitForDeleteTimeoutSeconds,
          out: io.stdout,
          errOut: io.stderr,
          onFinished: (pod, usingEviction, err) =>
            io.stdout.write(said(pod, usingEviction ? (err ? 'eviction failed' : 'evicted') : err ? 'deletion failed' : 'deleted', dryRun)),
        }).catch(async (err: unknown) => {
          const pending = (await podsForDeletion(session, name, podSelector, chunk, filters)).filter((p) => p.verdict.delete);
          if (pending.length) {
            io.stderr.write(`There are pending pods in node "${name}" when an error occurred: ${aggregateMessage(err instanceof AggregateError ? err.errors : [err])}\n`);
            for (const p of pending) io.stderr.write(`pod/${p.pod.metadata?.name}\n`);
          }
          throw err;
        });
      }
      io.stdout.write(said(object, 'drained', dryRun));
    } catch (err) {
      io.stderr.write(`error: unable to drain node "${name}" due to error: ${err instanceof AggregateError ? aggregateMessage(err.errors) : (err as Error).message}, continuing command...\n`);
      fatal.push(err);
      remaining.push(name);
    }
  }
  if (remaining.length) io.stderr.write(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  if (fatal.length) throw new AggregateError(fatal);
  return 0;
}

export const cordon: Command = { name: 'cordon', short: 'Mark node as unschedulable', flags: [SELECTOR, DRY_RUN], run: cordoning(true, 'cordon NODE') };
export const uncordon: Command = { name: 'uncordon', short: 'Mark node as schedulable', flags: [SELECTOR, DRY_RUN], run: cordoning(false, 'uncordon NODE') };
export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  flags: [
    SELECTOR,
    DRY_RUN,
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'duration' },
    { name: 'pod-selector', type: 'string' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int' },
    { name: 'chunk-size', type: 'int' },
  ],
  run: drain,
};
