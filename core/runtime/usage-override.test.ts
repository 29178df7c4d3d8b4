import { describe, expect, it } from 'vitest';
import { USAGE_ANNOTATION, usageOverrideFor } from './usage-override';

const Mi = 1024 * 1024;
const ann = (v: string) => ({ [USAGE_ANNOTATION]: v });

describe('usageOverrideFor', () => {
  it.each([
    { name: 'no annotation', value: undefined, container: 'web', expected: undefined },
    { name: 'pod-wide', value: 'cpu=750m,memory=300Mi', container: 'web', expected: { cpuMillicores: 750, memoryBytes: 300 * Mi } },
    { name: 'cpu only, in cores', value: 'cpu=2', container: 'web', expected: { cpuMillicores: 2000 } },
    { name: 'per container', value: 'web:cpu=100m;side:memory=20Mi', container: 'side', expected: { memoryBytes: 20 * Mi } },
    { name: 'a container not named', value: 'web:cpu=100m', container: 'side', expected: undefined },
    { name: 'container entry wins per resource', value: 'cpu=1,memory=64Mi; web:cpu=250m', container: 'web', expected: { cpuMillicores: 250, memoryBytes: 64 * Mi } },
    { name: 'spaces and a trailing ;', value: ' web : cpu = 5m ; ', container: 'web', expected: { cpuMillicores: 5 } },
    { name: 'decimal memory', value: 'memory=1G', container: 'web', expected: { memoryBytes: 1e9 } },
  ])('$name', ({ value, container, expected }) => {
    expect(usageOverrideFor(value === undefined ? {} : ann(value), container)).toEqual(expected);
  });

  it.each([
    { value: 'disk=1Gi', message: 'unknown resource "disk" (want cpu=QUANTITY or memory=QUANTITY)' },
    { value: 'cpu=lots', message: 'cpu: "lots" is not a quantity (e.g. 750m, 300Mi)' },
    { value: 'cpu', message: 'cpu: "" is not a quantity' },
    { value: 'memory=-1Mi', message: 'memory: must not be negative' },
    { value: 'cpu=1,cpu=2', message: 'cpu given twice' },
    { value: 'web:cpu=1;web:memory=1Mi', message: 'container "web" given twice' },
    { value: 'cpu=1;memory=1Mi', message: 'more than one entry without a container name' },
    { value: 'Web_1:cpu=1', message: '"Web_1" is not a container name' },
    { value: ' ; ', message: 'no entries' },
  ])('rejects $value', ({ value, message }) => {
    expect(() => usageOverrideFor(ann(value), 'web')).toThrow(`invalid ${USAGE_ANNOTATION} annotation "${value}": ${message}`);
  });
});
