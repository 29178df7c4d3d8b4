// Objects the benchmarks write: small ConfigMaps, and Pods shaped like `kubectl run` makes
// them (the server adds its defaults, bringing each to roughly 1-2 KB of JSON).
import type { ConfigMap, Namespace, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from './http-client';

/** With a resourceVersion the object is a PUT body that must match the stored version. */
export function configMap(namespace: string, name: string, value: string, resourceVersion?: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, labels: { app: 'bench' }, ...(resourceVersion && { resourceVersion }) },
    data: { mode: value, 'settings.properties': 'log.level=info\ncache.size=128\n' },
  };
}

export function pod(namespace: string, name: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { run: name, app: 'web', tier: 'frontend' } },
    spec: {
      containers: [
        {
          name,
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [{ name: 'MODE', value: 'bench' }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
    },
  };
}

export async function createNamespace(client: ApiClient, name: string): Promise<void> {
  const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  await client.json('POST', '/api/v1/namespaces', ns);
}
