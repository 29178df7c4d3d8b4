// kubectl run -i / -t / --attach after the pod exists, as kubectl's RunOptions.Run goes on: wait
// (--pod-running-timeout) for the pod to run and be ready, or to have finished; attach to its
// container, or print its logs when it has finished or attaching fails ("falling back to
// streaming logs"); with --restart=Never|OnFailure wait for it to end and take its exit code;
// with --rm delete what run created, before any error is printed.
import type { Pod } from 'kubernetes-types/core/v1';
import type { CommandContext } from '../../command';
import { CommandError } from '../../command';
import { deleteBody, deleteSettings } from '../../delete/options';
import { waitDeleted, type Deleted } from '../../delete/wait-deleted';
import type { ResourceInfo } from '../../discovery';
import { untilWithSync } from '../../watch-until';
import { attachContainer } from '../attach';

export const ATTACH_SUPPORTED = true;

type Obj = Record<string, unknown>;

/** What run created (or, for a client dry run, would have): the attach step's input. */
export interface RunCreated {
  pod: Obj;
  service?: Obj;
  namespace: string;
  restartPolicy: string;
  /** --rm: delete these after attaching. */
  remove: boolean;
}

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const runningAndReady = (pod: Pod) => pod.status?.phase === 'Running' && (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** The pod once `done` holds for it (kubectl's waitForPod: list and watch by name). */
async function waitForPod(ctx: CommandContext, namespace: string, name: string, done: (pod: Pod) => boolean): Promise<Pod> {
  const session = await ctx.session();
  let found: Pod | undefined;
  await untilWithSync<Pod>(session.rest, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, { fieldSelector: `metadata.name=${name}` }, ctx.flags.int('pod-running-timeout', 60_000), (e) => {
    if (e.type === 'DELETED') throw new CommandError(`pods "${name}" not found`);
    if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return false;
    found = e.object;
    return done(e.object);
  });
  return found!;
}

/** The container's log so far, to stdout (kubectl run's logOpts). */
async function printLogs(ctx: CommandContext, pod: Pod, container: string): Promise<void> {
  const session = await ctx.session();
  const res = await session.rest.stream({ path: `/api/v1/namespaces/${encodeURIComponent(pod.metadata!.namespace!)}/pods/${encodeURIComponent(pod.metadata!.name!)}/log`, query: { container } });
  for await (const chunk of res) ctx.io.stdout.write(chunk as Buffer);
}

/** --rm: each created object deleted as `kubectl delete` does it, "pod "x" deleted" unless -q. */
async function removeCreated(ctx: CommandContext, created: RunCreated): Promise<void> {
  const session = await ctx.session();
  const discovery = await session.discovery();
  const settings = deleteSettings(ctx.flags, ctx.io.stderr);
  const deleted: Deleted[] = [];
  for (const [obj, info] of [
    [created.pod, discovery.resolve('pods')],
    ...(created.service ? [[created.service, discovery.resolve('services')] as const] : []),
  ] as [Obj, ResourceInfo][]) {
    const name = (obj.metadata as { name: string }).name;
    const path = `/api/v1/namespaces/${encodeURIComponent(created.namespace)}/${info.resource}/${encodeURIComponent(name)}`;
    const answer = await session.rest.json<{ metadata?: { uid?: string } }>({ method: 'DELETE', path, body: deleteBody(settings) });
    if (!ctx.flags.bool('quiet')) ctx.io.stdout.write(`${info.kind.toLowerCase()} "${name}" ${settings.gracePeriod === 0 ? 'force deleted' : 'deleted'}\n`);
    deleted.push({ info, namespace: created.namespace, name, uid: answer.metadata?.uid });
  }
  if (ctx.flags.bool('wait', true)) await waitDeleted(session.rest, deleted, ctx.flags.int('timeout', 0));
}

/** How the pod ended, as kubectl reports it: its exit code and what it prints (uexec.CodeExitError). */
function podExit(pod: Pod): { code: number; message?: string } {
  if (pod.status?.phase === 'Succeeded') return { code: 0 };
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  const unknown = { code: 1, message: `error: pod ${pod.metadata!.namespace}/${pod.metadata!.name} failed with unknown exit code\n` };
  if (!terminated || !terminated.exitCode) return unknown;
  return { code: terminated.exitCode, message: `pod ${pod.metadata!.namespace}/${pod.metadata!.name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}` };
}

async function attachAndWait(ctx: CommandContext, created: RunCreated): Promise<{ code: number; message?: string }> {
  const { flags, io } = ctx;
  const name = (created.pod.metadata as { name: string }).name;
  let pod = await waitForPod(ctx, created.namespace, name, (p) => runningAndReady(p) || finished(p));
  const container = pod.spec!.containers[0]!;
  if (finished(pod)) await printLogs(ctx, pod, container.name);
  else {
    try {
      const { code } = await attachContainer(ctx, pod, container, { stdin: flags.bool('stdin'), tty: flags.bool('tty'), quiet: flags.bool('quiet') });
      if (code) return { code };
    } catch (err) {
      io.stderr.write(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${(err as Error).message}\n`);
      await printLogs(ctx, pod, container.name);
    }
  }
  const waitForExit = !flags.bool('leave-stdin-open') && (created.restartPolicy === 'Never' || created.restartPolicy === 'OnFailure');
  if (!waitForExit) return { code: 0 };
  pod = await waitForPod(ctx, created.namespace, name, created.restartPolicy === 'Never' ? finished : (p) => p.status?.phase === 'Succeeded');
  return podExit(pod);
}

/**
 * Attaches to the created pod (waiting for it to run, --pod-running-timeout), deletes the
 * created objects afterwards with --rm, and returns kubectl's exit code (the container's, with
 * --restart=Never or OnFailure).
 */
export async function attachAfterRun(ctx: CommandContext, created: RunCreated): Promise<number> {
  let result: { code: number; message?: string };
  try {
    result = await attachAndWait(ctx, created);
  } finally {
    if (created.remove) await removeCreated(ctx, created);
  }
  if (result.message) ctx.io.stderr.write(result.message.endsWith('\n') ? result.message : `${result.message}\n`);
  return result.code;
}
