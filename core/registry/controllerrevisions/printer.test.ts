import { describe, expect, it } from 'vitest';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { controllerName } from './printer';

const ref = (apiVersion: string, kind: string, controller?: boolean): OwnerReference => ({ apiVersion, kind, name: 'x', uid: 'u', controller });

describe('controllerName', () => {
  const cases: { name: string; refs: OwnerReference[] | undefined; expected: string }[] = [
    { name: 'no owner', refs: undefined, expected: '<none>' },
    { name: 'owner that is not the controller', refs: [ref('apps/v1', 'DaemonSet')], expected: '<none>' },
    { name: 'apps controller', refs: [ref('apps/v1', 'DaemonSet', true)], expected: 'daemonset.apps/x' },
    { name: 'core controller', refs: [ref('v1', 'ReplicationController', true)], expected: 'replicationcontroller/x' },
  ];
  it.each(cases)('$name', ({ refs, expected }) => {
    expect(controllerName({ metadata: { name: 'r', ownerReferences: refs }, revision: 1 })).toBe(expected);
  });
});
