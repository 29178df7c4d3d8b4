// A container's spec and status in words, as kubectl describe pod prints them: its state with
// reason and message, its last termination, where each env var comes from (a Secret's value is
// never read: only its name and key are shown) and what volume backs each mount.
import type { Container, ContainerState, ContainerStatus, EnvFromSource, EnvVar, Volume } from 'kubernetes-types/core/v1';

export interface StateText {
  /** Running, Waiting, Terminated or Unknown. */
  state: string;
  tone: 'ok' | 'warn' | 'bad' | 'muted';
  /** Reason, exit code, message, start: whatever the state has. */
  detail: string;
}

export function describeState(s: ContainerState | undefined): StateText {
  if (s?.running) return { state: 'Running', tone: 'ok', detail: s.running.startedAt ? `since ${s.running.startedAt}` : '' };
  if (s?.waiting) return { state: 'Waiting', tone: /BackOff|Err|Invalid/.test(s.waiting.reason ?? '') ? 'bad' : 'warn', detail: [s.waiting.reason, s.waiting.message].filter(Boolean).join(': ') };
  if (s?.terminated) {
    const t = s.terminated;
    return { state: 'Terminated', tone: t.exitCode === 0 ? 'muted' : 'bad', detail: [`${t.reason ?? 'exited'} (exit code ${t.exitCode})`, t.message].filter(Boolean).join(': ') };
  }
  return { state: 'Unknown', tone: 'warn', detail: 'no status reported yet' };
}

/** The last termination, "OOMKilled (exit code 137)", or undefined when it never restarted. */
export function lastTermination(status: ContainerStatus | undefined): string | undefined {
  const t = status?.lastState?.terminated;
  return t ? `${t.reason ?? 'exited'} (exit code ${t.exitCode})${t.finishedAt ? ` at ${t.finishedAt}` : ''}` : undefined;
}

export function envValue(env: EnvVar): string {
  const from = env.valueFrom;
  if (!from) return env.value ?? '';
  if (from.secretKeyRef) return `from secret ${from.secretKeyRef.name} key ${from.secretKeyRef.key}${from.secretKeyRef.optional ? ' (optional)' : ''}`;
  if (from.configMapKeyRef) return `from config map ${from.configMapKeyRef.name} key ${from.configMapKeyRef.key}${from.configMapKeyRef.optional ? ' (optional)' : ''}`;
  if (from.fieldRef) return `from field ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `from resource ${from.resourceFieldRef.resource}${from.resourceFieldRef.containerName ? ` of ${from.resourceFieldRef.containerName}` : ''}`;
  return 'from an unknown source';
}

export function envFromText(src: EnvFromSource): string {
  const prefix = src.prefix ? ` with prefix ${src.prefix}` : '';
  if (src.secretRef) return `all keys of secret ${src.secretRef.name}${prefix}`;
  if (src.configMapRef) return `all keys of config map ${src.configMapRef.name}${prefix}`;
  return 'an unknown source';
}

export function volumeSource(volume: Volume | undefined): string {
  if (!volume) return 'no such volume in the pod';
  if (volume.configMap) return `config map ${volume.configMap.name}`;
  if (volume.secret) return `secret ${volume.secret.secretName}`;
  if (volume.persistentVolumeClaim) return `claim ${volume.persistentVolumeClaim.claimName}${volume.persistentVolumeClaim.readOnly ? ' (read-only)' : ''}`;
  if (volume.emptyDir) return volume.emptyDir.medium ? `empty dir (${volume.emptyDir.medium})` : 'empty dir';
  if (volume.hostPath) return `host path ${volume.hostPath.path}`;
  if (volume.projected) return `projected (${(volume.projected.sources ?? []).map((s) => Object.keys(s)[0]).join(', ')})`;
  if (volume.downwardAPI) return 'downward API';
  const other = Object.keys(volume).find((k) => k !== 'name');
  return other ?? 'unknown';
}

export const portText = (p: NonNullable<Container['ports']>[number]) => `${p.name ? `${p.name} ` : ''}${p.containerPort}/${p.protocol ?? 'TCP'}`;
