import { describe, expect, it } from 'vitest';
import { ingressRoutes } from './ingress-rules';

describe('ingressRoutes', () => {
  it('lists host/path to service:port, https where TLS covers the host, and the default backend', () => {
    const ingress = {
      metadata: { name: 'web' },
      spec: {
        tls: [{ hosts: ['secure.example.com'] }],
        defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
        rules: [
          { host: 'secure.example.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } }] } },
          { host: '*.example.com', http: { paths: [{ pathType: 'Prefix', backend: { service: { name: 'any', port: { number: 80 } } } }] } },
          { http: { paths: [{ path: '/static', pathType: 'Exact', backend: { resource: { kind: 'StorageBucket', name: 'assets' } } }] } },
        ],
      },
    };
    expect(ingressRoutes(ingress)).toEqual([
      { host: 'secure.example.com', path: '/api', pathType: 'Prefix', service: { name: 'api', port: '8080' }, url: 'https://secure.example.com/api' },
      { host: '*.example.com', path: '/', pathType: 'Prefix', service: { name: 'any', port: '80' }, url: undefined },
      { host: '*', path: '/static', pathType: 'Exact', resource: 'StorageBucket assets', url: undefined },
      { host: '*', path: '(default backend)', service: { name: 'fallback', port: 'http' } },
    ]);
  });
});
