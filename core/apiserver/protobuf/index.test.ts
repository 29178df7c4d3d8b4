import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProtobufDecodeError, decodeKubeProtobuf, isProtobufContentType } from './index';
import { PROTOBUF_MAGIC } from './envelope';
import { encodeBody, encodeMessage } from '../../../test/support/protobuf-encoder';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const captured = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.pb'))
  .map((f) => f.slice(0, -3));

describe('decodeKubeProtobuf on bodies captured from kubectl 1.32', () => {
  it('has the fixtures', () => {
    expect(captured).toEqual(expect.arrayContaining(['namespace', 'deployment', 'configmap', 'secret', 'service-nodeport', 'job', 'token', 'cronjob']));
  });

  it.each(captured)('%s decodes to the JSON kubectl would send', (name) => {
    const body = fs.readFileSync(path.join(FIXTURES, `${name}.pb`));
    const want = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
    const got = decodeKubeProtobuf(body);
    expect(got.object).toStrictEqual(want);
    expect([got.apiVersion, got.kind]).toEqual([want.apiVersion, want.kind]);
  });
});

describe('decodeKubeProtobuf envelope', () => {
  const namespace = encodeMessage([[1, [[1, 'dev']]]]);

  it.each([
    { name: 'empty data', body: Buffer.alloc(0), error: 'empty data' },
    { name: 'no magic', body: Buffer.from('{"kind":"Namespace"}'), error: 'does not appear to be a protobuf message' },
    { name: 'magic only', body: PROTOBUF_MAGIC, error: 'empty body' },
    { name: 'no kind', body: encodeBody('v1', '', []), error: "'Kind' is missing" },
    { name: 'no version', body: encodeBody('', 'Namespace', []), error: "'apiVersion' is missing" },
    { name: 'unknown kind', body: encodeBody('v1', 'Gadget', []), error: 'no kind "Gadget" is registered for version "v1"' },
    { name: 'truncated', body: encodeBody('v1', 'Namespace', []).subarray(0, 10), error: 'unexpected end of data' },
  ])('rejects $name', ({ body, error }) => {
    expect(() => decodeKubeProtobuf(body)).toThrow(ProtobufDecodeError);
    expect(() => decodeKubeProtobuf(body)).toThrow(error);
  });

  it('fills a missing kind and version from the defaults', () => {
    const body = Buffer.concat([PROTOBUF_MAGIC, encodeMessage([[2, namespace]])]);
    const got = decodeKubeProtobuf(body, { apiVersion: 'v1', kind: 'Namespace' });
    expect(got.object).toStrictEqual({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'dev', creationTimestamp: null }, spec: {}, status: {} });
  });

  it('decodes DeleteOptions in any group version', () => {
    const got = decodeKubeProtobuf(encodeBody('apps/v1', 'DeleteOptions', [[4, 'Foreground'], [5, 'All']]));
    expect(got.object).toStrictEqual({ kind: 'DeleteOptions', apiVersion: 'apps/v1', propagationPolicy: 'Foreground', dryRun: ['All'] });
  });
});

describe('isProtobufContentType', () => {
  it.each([
    { type: 'application/vnd.kubernetes.protobuf', want: true },
    { type: 'application/vnd.kubernetes.protobuf; charset=utf-8', want: true },
    { type: 'Application/VND.Kubernetes.Protobuf', want: true },
    { type: 'application/vnd.kubernetes.protobuf;stream=watch', want: true },
    { type: 'application/json', want: false },
    { type: 'application/apply-patch+yaml', want: false },
    { type: undefined, want: false },
  ])('$type → $want', ({ type, want }) => {
    expect(isProtobufContentType(type)).toBe(want);
  });
});
