import { describe, expect, it } from 'vitest';
import { messageToJson } from './decode-message';
import { decodeKubeProtobuf } from './index';
import { encodeBody, encodeMessage, wrapField, type PbField } from '../../../test/support/protobuf-encoder';

const NOV22 = Date.UTC(2026, 10, 22) / 1000;
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const APIEXT = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';

function at(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], value);
}

/** A Pod whose spec holds the given fields plus one container. */
function pod(spec: PbField[], container: PbField[] = [[1, 'c']], metadata: PbField[] = [[1, 'p']]): PbField[] {
  return [
    [1, metadata],
    [2, [...spec, [2, container]]],
  ];
}

interface PodRow {
  name: string;
  kind: string;
  fields: PbField[];
  path: Array<string | number>;
  want: unknown;
}

describe('decodeKubeProtobuf field encodings', () => {
  it.each<PodRow>([
    { name: 'Time as RFC 3339 seconds', kind: 'Pod', fields: pod([], undefined, [[8, [[1, NOV22], [2, 5]]]]), path: ['metadata', 'creationTimestamp'], want: '2026-11-22T00:00:00Z' },
    { name: 'absent Time as null', kind: 'Pod', fields: pod([]), path: ['metadata', 'creationTimestamp'], want: null },
    { name: 'set pointer to empty Time as null', kind: 'Pod', fields: pod([], undefined, [[9, []]]), path: ['metadata', 'deletionTimestamp'], want: null },
    { name: 'map<string,string>', kind: 'Pod', fields: pod([], undefined, [[11, [[1, 'app'], [2, 'web']]], [11, [[1, 'tier'], [2, '']]]]), path: ['metadata', 'labels'], want: { app: 'web', tier: '' } },
    { name: 'int64 past 2^53', kind: 'Pod', fields: pod([[5, 2n ** 60n]]), path: ['spec', 'activeDeadlineSeconds'], want: 2 ** 60 },
    { name: 'negative int32 (10-byte varint)', kind: 'Pod', fields: pod([], [[1, 'c'], [6, [[3, -1]]]]), path: ['spec', 'containers', 0, 'ports', 0, 'containerPort'], want: -1 },
    { name: 'set pointer to false', kind: 'Pod', fields: pod([[21, false]]), path: ['spec', 'automountServiceAccountToken'], want: false },
    { name: 'omitempty false dropped', kind: 'Pod', fields: pod([[11, false]]), path: ['spec', 'hostNetwork'], want: undefined },
    { name: 'omitempty empty string dropped', kind: 'Pod', fields: pod([[10, '']]), path: ['spec', 'nodeName'], want: undefined },
    { name: 'non-omitempty empty string kept', kind: 'Pod', fields: pod([], [[1, '']]), path: ['spec', 'containers', 0, 'name'], want: '' },
    { name: 'non-pointer struct written when absent', kind: 'Pod', fields: pod([]), path: ['spec', 'containers', 0, 'resources'], want: {} },
    { name: 'packed repeated int64', kind: 'Pod', fields: pod([[14, [[4, Uint8Array.from([1, 2])]]]]), path: ['spec', 'securityContext', 'supplementalGroups'], want: [1, 2] },
    { name: 'unpacked repeated int64', kind: 'Pod', fields: pod([[14, [[4, 1], [4, 2]]]]), path: ['spec', 'securityContext', 'supplementalGroups'], want: [1, 2] },
    { name: 'inline VolumeSource', kind: 'Pod', fields: pod([[1, [[1, 'v'], [2, [[2, []]]]]]]), path: ['spec', 'volumes', 0], want: { name: 'v', emptyDir: {} } },
    {
      name: 'inline ProbeHandler with IntOrString port',
      kind: 'Pod',
      fields: pod([], [[1, 'c'], [10, [[1, [[2, [[1, '/healthz'], [2, [[1, 1], [3, 'http']]]]]]]]]]),
      path: ['spec', 'containers', 0, 'livenessProbe'],
      want: { httpGet: { path: '/healthz', port: 'http' } },
    },
    {
      name: 'Quantity map values',
      kind: 'Pod',
      fields: pod([], [[1, 'c'], [8, [[1, [[1, 'cpu'], [2, [[1, '500m']]]]], [1, [[1, 'memory'], [2, []]]]]]]),
      path: ['spec', 'containers', 0, 'resources', 'limits'],
      want: { cpu: '500m', memory: '0' },
    },
    { name: 'unknown field numbers skipped', kind: 'Pod', fields: [...pod([]), [99, 'future'], [98, 7]], path: ['metadata', 'name'], want: 'p' },
    {
      name: 'singular message occurrences merge',
      kind: 'Pod',
      fields: [[1, [[1, 'p']]], [1, [[3, 'ns']]], ...pod([]).slice(1)],
      path: ['metadata'],
      want: { name: 'p', namespace: 'ns', creationTimestamp: null },
    },
  ])('$name', ({ kind, fields, path, want }) => {
    const { object } = decodeKubeProtobuf(encodeBody('v1', kind, fields));
    expect(at(object, path)).toStrictEqual(want);
  });

  it.each([
    { name: 'IntOrString int', port: [[4, [[2, 8080]]]] as PbField[], want: 8080 },
    { name: 'IntOrString string', port: [[4, [[1, 1], [3, 'http']]]] as PbField[], want: 'http' },
    { name: 'IntOrString absent (non-pointer zero)', port: [] as PbField[], want: 0 },
  ])('Service $name', ({ port, want }) => {
    const { object } = decodeKubeProtobuf(encodeBody('v1', 'Service', [[2, [[1, [[3, 80], ...port]]]]]));
    expect(at(object, ['spec', 'ports', 0, 'targetPort'])).toStrictEqual(want);
  });

  it('writes Secret bytes as base64 and keeps stringData as text', () => {
    const { object } = decodeKubeProtobuf(
      encodeBody('v1', 'Secret', [
        [1, [[1, 's']]],
        [2, [[1, 'bin'], [2, Uint8Array.from([0xff, 0x00])]]],
        [2, [[1, 'empty'], [2, new Uint8Array()]]],
        [4, [[1, 'plain'], [2, 'text']]],
        [3, 'Opaque'],
      ]),
    );
    expect(object).toStrictEqual({
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name: 's', creationTimestamp: null },
      data: { bin: '/wA=', empty: '' },
      stringData: { plain: 'text' },
      type: 'Opaque',
    });
  });

  it('writes MicroTime with microseconds', () => {
    const { object } = decodeKubeProtobuf(encodeBody('events.k8s.io/v1', 'Event', [[1, [[1, 'e']]], [2, [[1, NOV22], [2, 123_456_789]]]]));
    expect(object.eventTime).toBe('2026-11-22T00:00:00.123456Z');
  });

  it('embeds RawExtension and FieldsV1 content as JSON', () => {
    const managed: PbField[] = [[1, 'kubectl'], [7, [[1, '{"f:metadata":{"f:labels":{}}}']]]];
    const { object } = decodeKubeProtobuf(
      encodeBody('apps/v1', 'ControllerRevision', [[1, [[1, 'r'], [17, managed]]], [2, [[1, '{"spec":{"replicas":2}}']]], [3, 1]]),
    );
    expect(object.data).toStrictEqual({ spec: { replicas: 2 } });
    expect(object.revision).toBe(1);
    expect(at(object, ['metadata', 'managedFields', 0])).toStrictEqual({ manager: 'kubectl', fieldsV1: { 'f:metadata': { 'f:labels': {} } } });
  });

  it('rejects RawExtension content that is not JSON', () => {
    expect(() => decodeKubeProtobuf(encodeBody('apps/v1', 'ControllerRevision', [[1, [[1, 'r']]], [2, [[1, 'k8s\0binary']]]]))).toThrow('not JSON');
  });

  it('unwraps named slices used as map values (ExtraValue)', () => {
    const { object } = decodeKubeProtobuf(
      encodeBody('authorization.k8s.io/v1', 'SubjectAccessReview', [[2, [[5, [[1, 'scopes'], [2, [[1, 'a'], [1, 'b']]]]], [5, [[1, 'none'], [2, []]]]]]]),
    );
    expect(at(object, ['spec', 'extra'])).toStrictEqual({ scopes: ['a', 'b'], none: null });
  });

  it('rejects a field sent with the wrong wire type', () => {
    expect(() => decodeKubeProtobuf(encodeBody('v1', 'Pod', [[1, [[1, 5]]]]))).toThrow('wrong wire type 0 for a string field');
  });
});

describe('messageToJson special types', () => {
  const props = `${APIEXT}.JSONSchemaProps`;

  it('decodes a CRD schema: doubles, JSON defaults and the Or-types', () => {
    const replicas: PbField[] = [[5, 'integer'], [9, { double: 5.5 }], [8, [[1, '3']]]];
    const tags: PbField[] = [[5, 'array'], [24, [[1, [[5, 'string']]]]]];
    const data = encodeMessage([
      [5, 'object'],
      [23, 'replicas'],
      [29, [[1, 'replicas'], [2, replicas]]],
      [29, [[1, 'tags'], [2, tags]]],
      [29, [[1, 'free'], [2, [[30, [[1, true]]], [38, true]]]]],
      [29, [[1, 'strict'], [2, [[30, [[2, [[5, 'string']]]]]]]]],
      [20, [[1, '"a"']]],
    ]);
    expect(messageToJson(props, data)).toStrictEqual({
      type: 'object',
      enum: ['a'],
      required: ['replicas'],
      properties: {
        replicas: { type: 'integer', maximum: 5.5, default: 3 },
        tags: { type: 'array', items: { type: 'string' } },
        free: { additionalProperties: true, 'x-kubernetes-preserve-unknown-fields': true },
        strict: { additionalProperties: { type: 'string' } },
      },
    });
  });

  it('refuses schemas nested deeper than the JSON limit instead of running out of stack', () => {
    // items.schema, 5,000 times: 10,000 nested messages.
    let data: Uint8Array = encodeMessage([[5, 'string']]);
    for (let i = 0; i < 5000; i++) data = wrapField(24, wrapField(1, data));
    expect(() => messageToJson(props, data)).toThrow('exceeded max depth');
    expect(messageToJson(props, encodeMessage([[5, 'object']]))).toStrictEqual({ type: 'object' });
  });

  it.each([
    { type: `${META}.Duration`, fields: [[1, 90_000_000_000]] as PbField[], want: '1m30s' },
    { type: `${META}.Duration`, fields: [] as PbField[], want: '0s' },
    { type: `${APIEXT}.JSONSchemaPropsOrBool`, fields: [] as PbField[], want: false },
    { type: `${APIEXT}.JSONSchemaPropsOrArray`, fields: [[2, [[5, 'string']]], [2, [[5, 'integer']]]] as PbField[], want: [{ type: 'string' }, { type: 'integer' }] },
    { type: `${APIEXT}.JSONSchemaPropsOrStringArray`, fields: [[2, 'a'], [2, 'b']] as PbField[], want: ['a', 'b'] },
    { type: `${APIEXT}.JSONSchemaPropsOrStringArray`, fields: [] as PbField[], want: null },
    { type: `${APIEXT}.JSON`, fields: [] as PbField[], want: null },
  ])('$type from $fields', ({ type, fields, want }) => {
    expect(messageToJson(type, encodeMessage(fields))).toStrictEqual(want);
  });
});
