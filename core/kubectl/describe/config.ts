// kubectl describe for configuration and storage: ConfigMaps (values in full), Secrets (values
// as byte counts), ServiceAccounts (their secrets and tokens) and PersistentVolumeClaims (the
// pods that use them).
import type { ConfigMap, PersistentVolumeClaim, Pod, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import { accessModesString } from '../../registry/printing/format';
import { annotationsMultiline, describeEvents, goSlice, labelsMultiline, namesMultiline, rfc1123z, since } from './format';
import { apiPath, getObject, listAll, searchEvents, type DescribeContext } from './fetch';
import { claimClass } from './workloads';
import { DescribeWriter } from './writer';

function header(w: DescribeWriter, meta: ConfigMap['metadata']): void {
  w.write(0, `Name:\t${meta?.name}\n`);
  w.write(0, `Namespace:\t${meta?.namespace}\n`);
  labelsMultiline(w, 'Labels', meta?.labels);
  annotationsMultiline(w, 'Annotations', meta?.annotations);
}

// kubectl walks the data maps in Go's random order; sorted keys are one of its orders.
export async function describeConfigMap(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const cm = await getObject<ConfigMap>(ctx, apiPath('v1', 'configmaps', namespace, name));
  const w = new DescribeWriter();
  header(w, cm.metadata);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data![k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${Buffer.from(cm.binaryData![k]!, 'base64').length} bytes\n`);
  w.write(0, '\n');
  const events = await searchEvents(ctx, { namespace, name, kind: 'ConfigMap', uid: cm.metadata?.uid });
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}

export async function describeSecret(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const secret = await getObject<Secret>(ctx, apiPath('v1', 'secrets', namespace, name));
  const w = new DescribeWriter();
  header(w, secret.metadata);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(secret.data ?? {}).sort()) {
    const value = Buffer.from(secret.data![k]!, 'base64');
    // A service account token is shown, as kubectl shows it; every other value only by its size.
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${value.toString()}\n`);
    else w.write(0, `${k}:\t${value.length} bytes\n`);
  }
  return w.toString();
}

export async function describeServiceAccount(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const sa = await getObject<ServiceAccount>(ctx, apiPath('v1', 'serviceaccounts', namespace, name));
  const tokens: string[] = [];
  const missing = new Set<string>();
  try {
    const secrets = await listAll<Secret>(ctx, apiPath('v1', 'secrets', namespace));
    const existing = new Set(secrets.map((s) => s.metadata?.name));
    for (const s of secrets) {
      const a = s.metadata?.annotations ?? {};
      if (s.type === 'kubernetes.io/service-account-token' && a['kubernetes.io/service-account.name'] === sa.metadata?.name && a['kubernetes.io/service-account.uid'] === sa.metadata?.uid)
        tokens.push(s.metadata!.name!);
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name)) missing.add(s.name ?? '');
  } catch {
    // kubectl describes the account's references even when the secrets cannot be listed.
  }
  const events = await searchEvents(ctx, { namespace, name, kind: 'ServiceAccount', uid: sa.metadata?.uid });
  const w = new DescribeWriter();
  header(w, sa.metadata);
  const groups: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', tokens],
  ];
  for (const [title, names] of groups) {
    if (!names.length) w.write(0, `${title}\t<none>\n`);
    names.forEach((n, i) => w.write(0, `${i === 0 ? title : ' '.repeat(19)}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`));
  }
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}

export async function describePersistentVolumeClaim(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const pvc = await getObject<PersistentVolumeClaim>(ctx, apiPath('v1', 'persistentvolumeclaims', namespace, name));
  const pods = await listAll<Pod>(ctx, apiPath('v1', 'pods', namespace));
  const users = pods.filter((p) => p.spec?.volumes?.some((v) => v.persistentVolumeClaim?.claimName === name));
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    const owner = ref.kind === 'Pod' ? pods.find((p) => p.metadata?.uid === ref.uid) : undefined;
    if (owner && !users.includes(owner)) users.push(owner);
  }
  const events = await searchEvents(ctx, { namespace, name, kind: 'PersistentVolumeClaim', uid: pvc.metadata?.uid });
  const meta = pvc.metadata ?? {};
  const spec = pvc.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace}\n`);
  w.write(0, `StorageClass:\t${claimClass(pvc)}\n`);
  w.write(0, meta.deletionTimestamp ? `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.now)})\n` : `Status:\t${pvc.status?.phase ?? ''}\n`);
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  labelsMultiline(w, 'Labels', meta.labels);
  annotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, `Finalizers:\t${goSlice(meta.finalizers)}\n`);
  const bound = Boolean(spec.volumeName);
  w.write(0, `Capacity:\t${bound && pvc.status?.capacity?.storage !== undefined ? String(pvc.status.capacity.storage) : bound ? '0' : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(0, 'DataSource:\n');
    if (spec.dataSource.apiGroup) w.write(1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(1, `Kind:\t${spec.dataSource.kind}\n`);
    w.write(1, `Name:\t${spec.dataSource.name}\n`);
  }
  namesMultiline(
    w,
    'Used By',
    users.map((p) => p.metadata?.name ?? ''),
  );
  if (pvc.status?.conditions?.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of pvc.status.conditions)
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  if (events) describeEvents(w, events, ctx.now);
  return w.toString();
}
