import { describe, expect, it } from 'vitest';
import { negotiateOpenAPIV2 } from './openapi-v2-endpoint';

describe('negotiateOpenAPIV2', () => {
  it.each([
    [undefined, 'json'],
    ['*/*', 'json'],
    ['application/*', 'json'],
    ['application/json', 'json'],
    ['application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'protobuf'],
    ['application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'protobuf'],
    ['*/*, application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'protobuf'],
    ['application/json;q=0.1, application/com.github.proto-openapi.spec.v2.v1.0+protobuf;q=0.9', 'protobuf'],
    ['text/html', undefined],
    // goautoneg skips a range without a '/' (but '*') or with two.
    ['application', undefined],
    ['application/json/x', undefined],
    ['application, application/com.github.proto-openapi.spec.v2.v1.0+protobuf;q=0.5', 'protobuf'],
    ['*', 'json'],
    ['text/html, application/json;q=x', 'json'],
  ])('Accept %s -> %s', (accept, format) => {
    expect(negotiateOpenAPIV2(accept)).toBe(format);
  });
});
