import { describe, expect, it } from 'vitest';
import { describeState, envFromText, envValue, lastTermination, volumeSource } from './container-details';

describe('container details', () => {
  it.each([
    ['running', { running: { startedAt: '2026-01-01T00:00:00Z' } }, 'Running', 'ok', 'since 2026-01-01T00:00:00Z'],
    ['crash loop', { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s' } }, 'Waiting', 'bad', 'CrashLoopBackOff: back-off 10s'],
    ['creating', { waiting: { reason: 'ContainerCreating' } }, 'Waiting', 'warn', 'ContainerCreating'],
    ['oom', { terminated: { reason: 'OOMKilled', exitCode: 137 } }, 'Terminated', 'bad', 'OOMKilled (exit code 137)'],
    ['done', { terminated: { reason: 'Completed', exitCode: 0 } }, 'Terminated', 'muted', 'Completed (exit code 0)'],
    ['none', undefined, 'Unknown', 'warn', 'no status reported yet'],
  ])('state %s', (_, s, state, tone, detail) => {
    expect(describeState(s)).toEqual({ state, tone, detail });
  });

  it('last termination with reason and exit code', () => {
    expect(lastTermination({ name: 'a', image: 'x', imageID: '', ready: false, restartCount: 1, lastState: { terminated: { reason: 'Error', exitCode: 2 } } })).toBe('Error (exit code 2)');
    expect(lastTermination({ name: 'a', image: 'x', imageID: '', ready: true, restartCount: 0 })).toBeUndefined();
  });

  it('never resolves secrets: names the secret and key', () => {
    expect(envValue({ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } })).toBe('from secret db key password');
    expect(envValue({ name: 'C', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode', optional: true } } })).toBe('from config map cfg key mode (optional)');
    expect(envValue({ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } })).toBe('from field metadata.name');
    expect(envValue({ name: 'L', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } })).toBe('from resource limits.cpu');
    expect(envValue({ name: 'V', value: 'plain' })).toBe('plain');
    expect(envFromText({ secretRef: { name: 's' }, prefix: 'S_' })).toBe('all keys of secret s with prefix S_');
  });

  it('volume sources', () => {
    expect(volumeSource({ name: 'v', configMap: { name: 'cfg' } })).toBe('config map cfg');
    expect(volumeSource({ name: 'v', secret: { secretName: 'tls' } })).toBe('secret tls');
    expect(volumeSource({ name: 'v', persistentVolumeClaim: { claimName: 'data' } })).toBe('claim data');
    expect(volumeSource({ name: 'v', emptyDir: {} })).toBe('empty dir');
    expect(volumeSource({ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }] } })).toBe('projected (serviceAccountToken, configMap)');
    expect(volumeSource(undefined)).toBe('no such volume in the pod');
  });
});
