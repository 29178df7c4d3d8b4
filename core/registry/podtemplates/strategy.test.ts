import { describe, expect, it } from 'vitest';
import type { PodTemplate } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type PodTemplateObject = Kube<PodTemplate>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function podTemplate(image: string): PodTemplateObject {
  const pt = {
    apiVersion: 'v1',
    kind: 'PodTemplate',
    metadata: { name: 't', namespace: 'default' },
    template: { spec: { containers: [{ name: 'c', image }] } },
  } as PodTemplateObject;
  strategy.defaults!(pt);
  return pt;
}

describe('pod template strategy', () => {
  it('defaults the template like a workload template, without pod-only fields', () => {
    const spec = podTemplate('busybox').template?.spec;
    expect(spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30 });
    expect(spec?.enableServiceLinks).toBeUndefined();
  });

  it.each([
    ['valid', 'busybox', []],
    ['image required', '', ['FieldValueRequired template.spec.containers[0].image']],
  ])('%s', (_n, image, expected) => {
    expect(brief(strategy.validate!(podTemplate(image)))).toEqual(expected);
  });
});
