import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { ApiError } from '../../machinery/status';
import { memoryRegistry, TEST_USER } from '../../../test/support/memory-registry';
import { bindNamedPod, bindPod, type BindingBody } from './binding';

async function podStore() {
  const pods = (await memoryRegistry('pods')).storeFor('', 'pods')!;
  await pods.create('ns', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, TEST_USER);
  return pods;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'bound',
    (e: ApiError) => `${e.code} ${e.message}`,
  );

describe('pods/binding', () => {
  it('sets spec.nodeName and PodScheduled at once', async () => {
    const pods = await podStore();
    await bindPod(pods, 'ns', 'p', { target: { kind: 'Node', name: 'n1' } }, TEST_USER);
    const pod = pods.get('ns', 'p').object as Kube<Pod>;
    expect(pod.spec?.nodeName).toBe('n1');
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.status?.conditions).toMatchObject([{ type: 'PodScheduled', status: 'True' }]);
  });

  it.each<[string, BindingBody, string]>([
    ['no target', {}, '400 target.name: Required value'],
    ['a target that is not a node', { target: { kind: 'Pod', name: 'x' } }, '400 target.kind: Unsupported value: "Pod": supported values: "Node"'],
  ])('refuses %s', async (_n, body, expected) => {
    expect(await failure(bindPod(await podStore(), 'ns', 'p', body, TEST_USER))).toBe(expected);
  });

  it('refuses a pod already on a node', async () => {
    const pods = await podStore();
    await bindPod(pods, 'ns', 'p', { target: { name: 'n1' } }, TEST_USER);
    expect(await failure(bindPod(pods, 'ns', 'p', { target: { name: 'n2' } }, TEST_USER))).toBe(
      '409 Operation cannot be fulfilled on pods "p": pod p is already assigned to node "n1"',
    );
  });

  it('binds the pod a Binding names, in the older bindings collection', async () => {
    const pods = await podStore();
    expect(await failure(bindNamedPod(pods, 'ns', { target: { name: 'n1' } }, TEST_USER))).toBe(
      '400 metadata.name: Required value: name or generateName is required',
    );
    await bindNamedPod(pods, 'ns', { metadata: { name: 'p' }, target: { name: 'n1' } }, TEST_USER);
    expect((pods.get('ns', 'p').object as Kube<Pod>).spec?.nodeName).toBe('n1');
  });
});
