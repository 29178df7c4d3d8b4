import { describe, expect, it } from 'vitest';
import { notFound } from '../../machinery/status';
import { boundObjectUid } from './bound-object';

const objects: Record<string, { metadata: { uid: string }; spec?: { serviceAccountName?: string } }> = {
  'pods/ns/web': { metadata: { uid: 'u-web' }, spec: { serviceAccountName: 'bot' } },
  'secrets/ns/s': { metadata: { uid: 'u-s' } },
  'nodes//n1': { metadata: { uid: 'u-n1' } },
};
const lookup = (plural: string, ns: string | undefined, name: string) => {
  const found = objects[`${plural}/${ns ?? ''}/${name}`];
  if (!found) throw notFound({ group: '', plural }, name);
  return found;
};

describe('TokenRequest boundObjectRef', () => {
  it('answers the UID of a pod, secret or node that exists', () => {
    expect(boundObjectUid({ kind: 'Pod', apiVersion: 'v1', name: 'web' }, 'bot', 'ns', lookup)).toBe('u-web');
    expect(boundObjectUid({ kind: 'Secret', apiVersion: 'v1', name: 's' }, 'bot', 'ns', lookup)).toBe('u-s');
    expect(boundObjectUid({ kind: 'Node', apiVersion: 'v1', name: 'n1' }, 'bot', 'ns', lookup)).toBe('u-n1');
  });

  it('refuses a missing object, another service account, a stale UID and other kinds', () => {
    expect(() => boundObjectUid({ kind: 'Pod', apiVersion: 'v1', name: 'nope' }, 'bot', 'ns', lookup)).toThrow('pods "nope" not found');
    expect(() => boundObjectUid({ kind: 'Pod', apiVersion: 'v1', name: 'web' }, 'other', 'ns', lookup)).toThrow(
      'cannot bind token for serviceaccount "other" to pod running with different serviceaccount name.',
    );
    expect(() => boundObjectUid({ kind: 'Secret', apiVersion: 'v1', name: 's', uid: 'old' }, 'bot', 'ns', lookup)).toThrow('the UID in the bound object reference (old) does not match');
    expect(() => boundObjectUid({ kind: 'Deployment', apiVersion: 'apps/v1', name: 'd' }, 'bot', 'ns', lookup)).toThrow('cannot bind token to object of type apps/v1, Kind=Deployment');
  });
});
