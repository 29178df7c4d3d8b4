import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const revision = (data: unknown, rev: number): Kube<ControllerRevision> => ({
  metadata: { name: 'web-6d4f', namespace: 'default' },
  data: data as ControllerRevision['data'],
  revision: rev,
});

describe('controllerrevision', () => {
  it.each([
    { name: 'valid', obj: revision({ spec: {} }, 1), errors: [] },
    { name: 'no data', obj: revision(undefined, 1), errors: ['FieldValueRequired data'] },
    { name: 'negative revision', obj: revision({}, -1), errors: ['FieldValueInvalid revision'] },
  ])('validates: $name', ({ obj, errors }) => {
    expect(errorKeys(strategy.validate!(obj))).toEqual(errors);
  });

  it('refuses changes to data', () => {
    expect(errorKeys(strategy.validateUpdate!(revision({ a: 2 }, 1), revision({ a: 1 }, 1)))).toEqual(['FieldValueInvalid data']);
    expect(strategy.validateUpdate!(revision({ a: 1 }, 2), revision({ a: 1 }, 1))).toEqual([]);
  });
});
