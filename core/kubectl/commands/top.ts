// kubectl top node|pod: usage read from metrics.k8s.io/v1beta1 (as metrics-server serves it),
// nodes measured against their allocatable (or capacity with --show-capacity).
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Command, CommandContext, Session } from '../command';
import { CommandError, UsageError } from '../command';
import type { FlagSpec } from '../flags';
import { nodeMetricsTable, podMetricsTable, type NodeMetrics, type PodMetrics, type Usage } from '../top/metrics-printer';

const METRICS = '/apis/metrics.k8s.io/v1beta1';
/** Pods younger than this may have no metrics yet (metricsCreationDelay). */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

function validate(ctx: CommandContext, use: string): string {
  if (ctx.args.length > 1) throw new UsageError(use);
  const sortBy = ctx.flags.string('sort-by');
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new CommandError('--sort-by accepts only cpu or memory');
  return ctx.args[0] ?? '';
}

/** SupportedMetricsAPIVersionAvailable: the group at v1beta1 in /apis. */
async function requireMetricsApi(session: Session): Promise<void> {
  const groups = await session.rest.json<{ groups: { name: string; versions: { version: string }[] }[] }>({ path: '/apis' });
  if (!groups.groups.some((g) => g.name === 'metrics.k8s.io' && g.versions.some((v) => v.version === 'v1beta1'))) throw new CommandError('Metrics API not available');
}

async function topNode(ctx: CommandContext): Promise<number> {
  const name = validate(ctx, 'node [NAME | -l label]');
  const selector = ctx.flags.string('selector');
  if (name && selector) throw new CommandError('only one of NAME or --selector can be provided');
  const session = await ctx.session();
  await requireMetricsApi(session);
  const query = { labelSelector: selector || undefined };
  const metrics = name
    ? [await session.rest.json<NodeMetrics>({ path: `${METRICS}/nodes/${encodeURIComponent(name)}` })]
    : (await session.rest.json<{ items: NodeMetrics[] }>({ path: `${METRICS}/nodes`, query })).items;
  if (!metrics.length) throw new CommandError('metrics not available yet');
  const nodes = name ? [await session.rest.json<Node>({ path: `/api/v1/nodes/${encodeURIComponent(name)}` })] : (await session.rest.json<{ items: Node[] }>({ path: '/api/v1/nodes', query })).items;
  const capacity = ctx.flags.bool('show-capacity');
  const available = new Map<string, Usage>(nodes.map((n) => [n.metadata!.name!, ((capacity ? n.status?.capacity : n.status?.allocatable) ?? {}) as Usage]));
  ctx.io.stdout.write(nodeMetricsTable(metrics, available, ctx.flags.bool('no-headers'), ctx.flags.string('sort-by')));
  return 0;
}

/** verifyEmptyMetrics: why a pod has no metrics, or "not available yet" for young pods. */
async function explainEmpty(session: Session, namespace: string, name: string, query: Record<string, string | undefined>): Promise<void> {
  const base = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
  const pods = name ? [await session.rest.json<Pod>({ path: `${base}/${encodeURIComponent(name)}` })] : (await session.rest.json<{ items: Pod[] }>({ path: base, query })).items;
  if (!pods.length) return;
  for (const pod of pods) {
    const age = Date.now() - Date.parse(pod.metadata?.creationTimestamp ?? '');
    if (age > METRICS_CREATION_DELAY_MS) throw new CommandError(`Metrics not available for pod ${pod.metadata?.namespace}/${pod.metadata?.name}, age: ${goDurationText(age)}`);
  }
  throw new CommandError('metrics not available yet');
}

/** Go's Duration.String for a positive number of milliseconds. */
function goDurationText(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

async function topPod(ctx: CommandContext): Promise<number> {
  const name = validate(ctx, 'pod [NAME | -l label]');
  const { flags, io } = ctx;
  if (name && (flags.string('selector') || flags.string('field-selector'))) throw new CommandError('only one of NAME or selector can be provided');
  const session = await ctx.session();
  await requireMetricsApi(session);
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = session.config.namespace;
  const query = { labelSelector: flags.string('selector') || undefined, fieldSelector: flags.string('field-selector') || undefined };
  const base = allNamespaces && !name ? `${METRICS}/pods` : `${METRICS}/namespaces/${encodeURIComponent(namespace)}/pods`;
  const metrics = name ? [await session.rest.json<PodMetrics>({ path: `${base}/${encodeURIComponent(name)}` })] : (await session.rest.json<{ items: PodMetrics[] }>({ path: base, query })).items;
  if (!metrics.length) {
    await explainEmpty(session, namespace, name, query);
    io.stderr.write(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  io.stdout.write(
    podMetricsTable(metrics, { containers: flags.bool('containers'), withNamespace: allNamespaces, noHeaders: flags.bool('no-headers'), sortBy: flags.string('sort-by'), sum: flags.bool('sum') }),
  );
  return 0;
}

const COMMON: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'use-protocol-buffers', type: 'bool' },
];

export const top: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  subcommands: [
    { name: 'node', aliases: ['nodes', 'no'], short: 'Display resource (CPU/memory) usage of nodes', flags: [...COMMON, { name: 'show-capacity', type: 'bool' }], run: topNode },
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      short: 'Display resource (CPU/memory) usage of pods',
      flags: [...COMMON, { name: 'field-selector', type: 'string' }, { name: 'containers', type: 'bool' }, { name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'sum', type: 'bool' }],
      run: topPod,
    },
  ],
};
