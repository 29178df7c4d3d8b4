// kubectl rollout status|history|undo|pause|resume|restart for Deployments, DaemonSets and
// StatefulSets, with kubectl's resource arguments (TYPE NAME, TYPE/NAME, TYPE -l SELECTOR),
// its errors for other kinds, and errors of one object reported after the others were handled.
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { collectionPath, objectPath } from '../discovery';
import type { FlagSpec } from '../flags';
import { dryRunOf, resultPrinter, WRITE_PRINT_FLAGS } from '../write';
import { fetchObjects, isFailure, type KubeObject, type ResourceObject } from '../resource-objects';
import { checkHistoryKind, historyText, revisions } from '../rollout/history';
import { rolloutPatch, type RolloutAction } from '../rollout/object-patches';
import { rollback } from '../rollout/rollback';
import { rolloutState } from '../rollout/status';
import { untilWithSync } from '../watch-until';
import { ServerError } from '../rest';

const SELECTOR: FlagSpec = { name: 'selector', short: 'l', type: 'string' };

function requireResources(ctx: CommandContext): void {
  if (!ctx.args.length) throw new CommandError('required resource not specified');
}

function revisionFlag(ctx: CommandContext, name: string): number {
  const revision = ctx.flags.int(name, 0);
  if (revision < 0) throw new CommandError(`revision must be a positive integer: ${revision}`);
  return revision;
}

/**
 * Runs `fn` on each object found, as kubectl visits them: a lookup failure or an error of one
 * object is collected and the others still run. Returns the errors, in order.
 */
async function eachObject(visited: Awaited<ReturnType<typeof fetchObjects>>, fn: (item: ResourceObject) => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const item of visited) {
    if (isFailure(item)) {
      errors.push(item.error);
      continue;
    }
    try {
      await fn(item);
    } catch (err) {
      errors.push(err);
    }
  }
  return errors;
}

/** Several errors of one command, printed as kubectl prints its aggregate. */
function finish(errors: unknown[]): number {
  if (errors.length) throw new AggregateError(errors);
  return 0;
}

async function status(ctx: CommandContext): Promise<number> {
  const timeout = ctx.flags.int('timeout', 0);
  requireResources(ctx);
  const revision = revisionFlag(ctx, 'revision');
  const watch = ctx.flags.bool('watch', true);
  const session = await ctx.session();
  const visited = await fetchObjects(session, ctx.args, ctx.flags.string('selector'));
  const errors = await eachObject(visited, async (item) => {
    rolloutState(item.info.group, item.info.kind, item.object, revision); // no status viewer: fails before watching
    await untilWithSync<KubeObject>(session.rest, collectionPath(item.info, item.namespace), { fieldSelector: `metadata.name=${item.name}` }, timeout, (event) => {
      if (event.type === 'DELETED') throw new CommandError('object has been deleted');
      if (event.type !== 'ADDED' && event.type !== 'MODIFIED') throw new CommandError(`internal error: unexpected event ${JSON.stringify(event)}`);
      const state = rolloutState(item.info.group, item.info.kind, event.object, revision);
      ctx.io.stdout.write(state.message);
      return state.done || !watch;
    });
  });
  if (!visited.length) ctx.io.stderr.write(`No resources found in ${session.config.namespace} namespace.\n`);
  return finish(errors);
}

async function history(ctx: CommandContext): Promise<number> {
  requireResources(ctx);
  const revision = revisionFlag(ctx, 'revision');
  const session = await ctx.session();
  const visited = await fetchObjects(session, ctx.args, ctx.flags.string('selector'));
  const printer = resultPrinter(ctx.flags, { dryRun: 'none', typed: true, cwd: ctx.io.cwd });
  const errors = await eachObject(visited, async (item) => {
    checkHistoryKind('history viewer', item.info.group, item.info.kind);
    const found = await revisions(session, item.info.kind, item.object);
    if (!ctx.flags.has('output')) {
      const text = historyText(found, revision);
      ctx.io.stdout.write(printer.print(item.object, `${revision > 0 ? `with revision #${revision}` : ''}\n${text}`));
      return;
    }
    const wanted = [...found.values()].filter((r) => !revision || r.number === revision).sort((a, b) => a.number - b.number);
    for (const r of wanted) {
      // A Deployment's revision is its ReplicaSet; the others' is the workload with the revision's template.
      const object = item.info.kind === 'Deployment' ? r.source : { ...item.object, spec: { ...(item.object.spec as object), template: r.template } };
      ctx.io.stdout.write(printer.print(object, ''));
    }
  });
  return finish(errors);
}

async function undo(ctx: CommandContext): Promise<number> {
  const dryRun = dryRunOf(ctx.flags, ctx.io.stderr);
  requireResources(ctx);
  const session = await ctx.session();
  const visited = await fetchObjects(session, ctx.args, ctx.flags.string('selector'));
  const errors = await eachObject(visited, async (item) => {
    checkHistoryKind('rollbacker', item.info.group, item.info.kind);
    const result = await rollback(session, item.info, item.name, ctx.flags.int('to-revision', 0), dryRun);
    ctx.io.stdout.write(resultPrinter(ctx.flags, { dryRun, typed: true, cwd: ctx.io.cwd }).print(item.object, result));
  });
  return finish(errors);
}

const DONE: Record<RolloutAction, string> = { pause: 'paused', resume: 'resumed', restart: 'restarted' };

/** pause, resume and restart: a strategic merge patch per object, as set.CalculatePatches makes them. */
function patching(action: RolloutAction) {
  return async (ctx: CommandContext): Promise<number> => {
    requireResources(ctx);
    const session = await ctx.session();
    const visited = await fetchObjects(session, ctx.args, ctx.flags.string('selector'));
    const errors: unknown[] = visited.filter(isFailure).map((f) => f.error);
    const objects = visited.filter((v): v is ResourceObject => !isFailure(v));
    if (!objects.length && !errors.length) {
      ctx.io.stderr.write(`No resources found in ${session.config.namespace} namespace.\n`);
      return 0;
    }
    const now = new Date();
    for (const item of objects) {
      let patch: Record<string, unknown>;
      try {
        patch = rolloutPatch(action, item.info, item.object, now);
      } catch (err) {
        const resource = item.info.group ? `${item.info.resource}.${item.info.group}` : item.info.resource;
        errors.push(new Error(`error: ${resource} "${item.name}" ${(err as Error).message}`));
        continue;
      }
      if (!Object.keys(patch).length) {
        errors.push(new Error(`failed to create patch for ${item.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
        continue;
      }
      try {
        const object = await session.rest.json<KubeObject>({
          method: 'PATCH',
          path: objectPath(item.info, item.namespace, item.name),
          query: { fieldManager: ctx.flags.string('field-manager', 'kubectl-rollout') },
          contentType: 'application/strategic-merge-patch+json',
          body: patch,
        });
        // kubectl makes the printer after the patch: a bad -o fails each object, patched.
        ctx.io.stdout.write(resultPrinter(ctx.flags, { dryRun: 'none', typed: true, cwd: ctx.io.cwd }).print(object, DONE[action]));
      } catch (err) {
        errors.push(err instanceof ServerError ? new Error(`failed to patch: ${err.message}`) : err);
      }
    }
    return finish(errors);
  };
}

const PRINTING: FlagSpec[] = [...WRITE_PRINT_FLAGS, SELECTOR];
const FIELD_MANAGER: FlagSpec = { name: 'field-manager', type: 'string' };

export const rollout: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  subcommands: [
    { name: 'history', short: 'View rollout history', flags: [...PRINTING, { name: 'revision', type: 'int' }], run: history },
    { name: 'pause', short: 'Mark the provided resource as paused', flags: [...PRINTING, FIELD_MANAGER], run: patching('pause') },
    { name: 'restart', short: 'Restart a resource', flags: [...PRINTING, FIELD_MANAGER], run: patching('restart') },
    { name: 'resume', short: 'Resume a paused resource', flags: [...PRINTING, FIELD_MANAGER], run: patching('resume') },
    {
      name: 'status',
      short: 'Show the status of the rollout',
      flags: [SELECTOR, { name: 'watch', short: 'w', type: 'bool' }, { name: 'revision', type: 'int' }, { name: 'timeout', type: 'duration' }],
      run: status,
    },
    { name: 'undo', short: 'Undo a previous rollout', flags: [...PRINTING, { name: 'to-revision', type: 'int' }, { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' }], run: undo },
  ],
};
