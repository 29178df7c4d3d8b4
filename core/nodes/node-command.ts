// `wheelhouse node add|remove|stop|start NAME`: plain Kubernetes API writes on Node objects
// (create, delete, and the desired-state annotation), made with the kubeconfig like kubectl.
// The node manager of the cluster acts on them.
import { parseArgs } from 'node:util';
import type { Node } from 'kubernetes-types/core/v1';
import { MANAGED_ANNOTATION, managedNode, STATE_ANNOTATION } from './node-object';

export const NODE_USAGE = `Usage: wheelhouse node add|remove|stop|start NAME [--kubeconfig FILE]

  add     register a new simulated node (a worker) with the cluster
  remove  delete the node
  stop    stop the node's machine: its kubelet stops heartbeating and its pods stop
  start   start a stopped node again

  --kubeconfig FILE  cluster to act on (default: $KUBECONFIG, then ~/.kube/config)
`;

const VERBS = { add: 'added', remove: 'removed', stop: 'stopped', start: 'started' } as const;
type Verb = keyof typeof VERBS;

class CommandError extends Error {}

/** The message of a failed API call, as kubectl prints it. */
function describeError(e: unknown): string {
  if (e instanceof CommandError) return `error: ${e.message}`;
  const body = (e as { body?: unknown }).body;
  if (typeof body === 'string') {
    try {
      const status = JSON.parse(body) as { reason?: string; message?: string };
      if (status.message) return `Error from server (${status.reason ?? 'Unknown'}): ${status.message}`;
    } catch {
      // not a Status: fall through to the error's own message
    }
  }
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}

export async function runNodeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { kubeconfig: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  const [verb, name] = positionals;
  if (values.help) {
    process.stdout.write(NODE_USAGE);
    return 0;
  }
  if (!verb || !(verb in VERBS) || !name || positionals.length > 2) {
    process.stderr.write(NODE_USAGE);
    return 2;
  }
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  if (values.kubeconfig) kc.loadFromFile(values.kubeconfig);
  else kc.loadFromDefault();
  const api = kc.makeApiClient(k8s.CoreV1Api);
  try {
    switch (verb as Verb) {
      case 'add':
        // Bare, as for `kubectl create`: the node manager and the node's kubelet fill in the rest.
        await api.createNode({ body: managedNode(name) as never });
        break;
      case 'remove':
        await api.deleteNode({ name });
        break;
      case 'stop':
      case 'start': {
        const node = (await api.readNode({ name })) as Node;
        if (node.metadata?.annotations?.[MANAGED_ANNOTATION] !== 'true') throw new CommandError(`node/${name} is not managed by Wheelhouse`);
        const patch = { metadata: { annotations: { [STATE_ANNOTATION]: verb === 'stop' ? 'stopped' : 'running' } } };
        await api.patchNode({ name, body: patch }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
        break;
      }
    }
  } catch (e) {
    process.stderr.write(`${describeError(e)}\n`);
    return 1;
  }
  process.stdout.write(`node/${name} ${VERBS[verb as Verb]}\n`);
  return 0;
}
