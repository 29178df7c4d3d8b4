import { describe, expect, it } from 'vitest';
import type { Pod, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { defaultPod, defaultPodSpec, defaultPodTemplateSpec } from './pod-spec';
import { defaultPullPolicy } from './image-pull-policy';

describe('defaultPodTemplateSpec', () => {
  it('fills exactly what a Deployment template shows on a real cluster', () => {
    const t: PodTemplateSpec = {
      metadata: { labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
    };
    defaultPodTemplateSpec(t);
    expect(t).toEqual({
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.14.2',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
    });
  });

  it('is idempotent', () => {
    const t: PodTemplateSpec = { spec: { containers: [{ name: 'a', image: 'a', livenessProbe: { httpGet: { port: 80 } } }] } };
    defaultPodTemplateSpec(t);
    const once = structuredClone(t);
    defaultPodTemplateSpec(t);
    expect(t).toEqual(once);
  });
});

describe('defaultPodSpec', () => {
  it('defaults probes, volumes, env and resource quantities', () => {
    const spec: PodSpec = {
      containers: [
        {
          name: 'a',
          image: 'a',
          // A JSON number is a valid quantity too.
          resources: { limits: { cpu: '1000m', memory: '1024Mi' }, requests: { cpu: 0.5 as unknown as string } },
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          readinessProbe: { httpGet: { port: 8080 } },
          livenessProbe: { grpc: { port: 9000 } },
        },
      ],
      volumes: [
        { name: 'scratch' },
        { name: 'cfg', configMap: { name: 'c' } },
        { name: 'sec', secret: { secretName: 's' } },
        { name: 'host', hostPath: { path: '/tmp' } },
        { name: 'proj', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
      ],
    };
    defaultPodSpec(spec);
    const c = spec.containers[0];
    expect(c.resources).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } });
    expect(c.env?.[0].valueFrom?.fieldRef?.apiVersion).toBe('v1');
    expect(c.readinessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.livenessProbe?.grpc).toEqual({ port: 9000, service: '' });
    expect(spec.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } },
      { name: 'sec', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'host', hostPath: { path: '/tmp', type: '' } },
      { name: 'proj', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } },
    ]);
  });

  it('mirrors the deprecated serviceAccount field', () => {
    const spec: PodSpec = { containers: [], serviceAccountName: 'builder' };
    defaultPodSpec(spec);
    expect(spec.serviceAccount).toBe('builder');
  });
});

describe('defaultPod', () => {
  it('adds the pod-only defaults: requests from limits, service links, host ports', () => {
    const pod: Pod = {
      spec: {
        hostNetwork: true,
        containers: [{ name: 'a', image: 'a', ports: [{ containerPort: 53 }], resources: { limits: { cpu: '1', memory: '64Mi' }, requests: { cpu: '100m' } } }],
      },
    };
    defaultPod(pod);
    const c = pod.spec!.containers[0];
    expect(c.resources?.requests).toEqual({ cpu: '100m', memory: '64Mi' });
    expect(pod.spec!.enableServiceLinks).toBe(true);
    expect(c.ports?.[0].hostPort).toBe(53);
  });
});

describe('defaultPullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.example.com:5000/team/app', 'Always'],
    ['registry.example.com:5000/team/app:v2', 'IfNotPresent'],
    [`busybox@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`busybox:latest@sha256:${'a'.repeat(64)}`, 'Always'],
    ['Nginx', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ])('%s -> %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});
