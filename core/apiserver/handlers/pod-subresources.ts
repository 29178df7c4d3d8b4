// pods/binding (the scheduler's write: spec.nodeName and PodScheduled) and pods/eviction
// (a delete that honours PodDisruptionBudgets, 429 when one would be broken).
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { ApiServer } from '../api-server';
import { decodeBody, readBody, requireObject } from '../http/body';
import { sendJson } from '../http/respond';
import type { Kube } from '../../machinery/object';
import { labelSelectorMatches } from '../../machinery/selectors/label-selector';
import { ApiError, badRequest, conflict, successStatus, tooManyRequests } from '../../machinery/status';
import type { WriteRequest } from './write';
import type { ResourceStore, WriteOptions } from '../../registry/generic/resource-store';
import { metaTime } from '../../machinery/meta-time';


interface BindingBody {
  metadata?: { name?: string };
  target?: { kind?: string; name?: string };
}

/** Assigns a pod to a node, as the scheduler does through pods/binding or bindings. */
export async function bindPod(pods: ResourceStore, namespace: string | undefined, podName: string, body: BindingBody, options: WriteOptions): Promise<void> {
  const node = body.target?.name;
  if (!node) throw badRequest('target.name: Required value');
  if (body.target?.kind && body.target.kind !== 'Node') throw badRequest(`target.kind: Unsupported value: "${body.target.kind}": supported values: "Node"`);
  await pods.guaranteedUpdate(
    namespace,
    podName,
    (current) => {
      const pod = current as Kube<Pod>;
      if (pod.metadata.deletionTimestamp) throw conflict(pods.def, podName, 'pod is being deleted, cannot be assigned to a host');
      if (pod.spec?.nodeName) throw conflict(pods.def, podName, `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
      pod.spec = { ...pod.spec!, nodeName: node };
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as undefined, lastTransitionTime: metaTime() });
      pod.status = { ...pod.status, conditions };
      return pod;
    },
    { ...options, subresource: 'binding' },
  );
}

const readBinding = async (req: WriteRequest['req']): Promise<BindingBody> =>
  requireObject(decodeBody(await readBody(req), req.headers['content-type'])) as BindingBody;

/** POST pods/<name>/binding */
export async function handleBinding(w: WriteRequest): Promise<void> {
  if (w.req.method !== 'POST') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  await bindPod(w.store, w.namespace, w.name!, await readBinding(w.req), w.options);
  sendJson(w.res, 201, successStatus());
}

/** POST namespaces/<ns>/bindings: the older form, the pod named by the Binding's metadata. */
export async function handleBindingsCollection(pods: ResourceStore, req: WriteRequest['req'], res: WriteRequest['res'], namespace: string, options: WriteOptions): Promise<void> {
  const body = await readBinding(req);
  if (!body.metadata?.name) throw badRequest('metadata.name: Required value: name or generateName is required');
  await bindPod(pods, namespace, body.metadata.name, body, options);
  sendJson(res, 201, successStatus());
}

/** PDBs in the pod's namespace whose selector matches it. */
function budgetsFor(api: ApiServer, pod: Kube<Pod>): Kube<PodDisruptionBudget>[] {
  const pdbs = api.registry.storeFor('policy', 'poddisruptionbudgets');
  if (!pdbs) return [];
  return pdbs
    .list({ namespace: pod.metadata.namespace })
    .items.map((c) => c.object as Kube<PodDisruptionBudget>)
    .filter((b) => b.spec?.selector && labelSelectorMatches(b.spec.selector, pod.metadata.labels));
}

export async function handleEviction(w: WriteRequest, api: ApiServer): Promise<void> {
  if (w.req.method !== 'POST') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  const body = requireObject(decodeBody(await readBody(w.req), w.req.headers['content-type'])) as {
    metadata?: { name?: string };
    deleteOptions?: { gracePeriodSeconds?: number; preconditions?: { uid?: string; resourceVersion?: string }; dryRun?: string[] };
  };
  if (body.metadata?.name && body.metadata.name !== w.name) {
    throw badRequest(`name in URL does not match name in Eviction object`);
  }
  const pod = w.store.get(w.namespace, w.name!).object as Kube<Pod>;
  const phase = pod.status?.phase;
  // Pods that are done or being deleted can always go; others only if every budget allows it.
  if (phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp) {
    const budgets = budgetsFor(api, pod);
    if (budgets.length > 1) {
      throw new ApiError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    }
    const pdb = budgets[0];
    if (pdb) {
      const allowed = pdb.status?.disruptionsAllowed ?? 0;
      if ((pdb.status?.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0) || allowed <= 0) {
        throw tooManyRequests('Cannot evict pod as it would violate the pod\'s disruption budget.', [
          {
            reason: 'DisruptionBudget',
            message: `The disruption budget ${pdb.metadata.name} needs ${pdb.status?.desiredHealthy ?? 0} healthy pods and has ${pdb.status?.currentHealthy ?? 0} currently`,
          },
        ]);
      }
      const pdbs = api.registry.storeFor('policy', 'poddisruptionbudgets')!;
      await pdbs.guaranteedUpdate(
        pdb.metadata.namespace,
        pdb.metadata.name!,
        (cur) => {
          const b = cur as Kube<PodDisruptionBudget>;
          if ((b.status?.disruptionsAllowed ?? 0) <= 0) {
            throw tooManyRequests('Cannot evict pod as it would violate the pod\'s disruption budget.');
          }
          b.status = {
            ...b.status!,
            disruptionsAllowed: b.status!.disruptionsAllowed - 1,
            disruptedPods: { ...(b.status!.disruptedPods ?? {}), [w.name!]: metaTime() },
          };
          return b;
        },
        { ...w.options, subresource: 'status', dryRun: w.options.dryRun || !!body.deleteOptions?.dryRun?.length },
      );
    }
  }
  const opts = body.deleteOptions ?? {};
  await w.store.delete(
    w.namespace,
    w.name!,
    { gracePeriodSeconds: opts.gracePeriodSeconds, preconditions: opts.preconditions },
    { ...w.options, dryRun: w.options.dryRun || !!opts.dryRun?.length },
  );
  sendJson(w.res, 201, successStatus());
}
