// Defaults for pod specs, exactly as Kubernetes' v1 SetDefaults_* functions (including the
// generated declarative ones) fill them. Pod templates get only the PodSpec defaults; pods also
// get SetDefaults_Pod's (see defaultPod), so a Deployment's template never carries those.
import type {
  Container,
  DownwardAPIVolumeFile,
  HTTPGetAction,
  LifecycleHandler,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  Volume,
} from 'kubernetes-types/core/v1';
import { defaultPullPolicy } from './image-pull-policy';
import { defaultResourceList } from './resource-list';

function defaultHttpGet(h: HTTPGetAction | undefined): void {
  if (!h) return;
  h.path ||= '/';
  h.scheme ||= 'HTTP';
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  defaultHttpGet(p.httpGet);
  if (p.grpc && p.grpc.service === undefined) p.grpc.service = '';
}

function defaultLifecycleHandler(h: LifecycleHandler | undefined): void {
  defaultHttpGet(h?.httpGet);
}

function defaultFieldRefs(items: DownwardAPIVolumeFile[] | undefined): void {
  for (const item of items ?? []) {
    if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
    if (item.resourceFieldRef) item.resourceFieldRef.divisor ??= '0';
  }
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ||= defaultPullPolicy(c.image);
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  // A Go struct, not a pointer: it is always serialised, if only as {}.
  c.resources ??= {};
  defaultResourceList(c.resources.limits as Record<string, unknown> | undefined);
  defaultResourceList(c.resources.requests as Record<string, unknown> | undefined);
  for (const port of c.ports ?? []) port.protocol ||= 'TCP';
  for (const env of c.env ?? []) {
    if (env.valueFrom?.fieldRef) env.valueFrom.fieldRef.apiVersion ||= 'v1';
    if (env.valueFrom?.resourceFieldRef) env.valueFrom.resourceFieldRef.divisor ??= '0';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultLifecycleHandler(c.lifecycle?.postStart);
  defaultLifecycleHandler(c.lifecycle?.preStop);
}

const sourceFields = new Set([
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc',
  'flexVolume', 'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk',
  'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
]);

/** The file mode Kubernetes gives secret, configMap, downwardAPI and projected volumes: 0644. */
const defaultMode = 0o644;

function defaultVolume(v: Volume): void {
  const record = v as unknown as Record<string, unknown>;
  if (![...sourceFields].some((f) => record[f] !== undefined && record[f] !== null)) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= defaultMode;
  if (v.configMap) v.configMap.defaultMode ??= defaultMode;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= defaultMode;
    defaultFieldRefs(v.downwardAPI.items);
  }
  if (v.projected) {
    v.projected.defaultMode ??= defaultMode;
    for (const src of v.projected.sources ?? []) {
      if (src.serviceAccountToken) src.serviceAccountToken.expirationSeconds ??= 3600;
      defaultFieldRefs(src.downwardAPI?.items);
    }
  }
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.emptyDir?.sizeLimit !== undefined) {
    const holder = { sizeLimit: v.emptyDir.sizeLimit as unknown };
    defaultResourceList(holder);
    v.emptyDir.sizeLimit = holder.sizeLimit as string;
  }
  if (v.iscsi) v.iscsi.iscsiInterface ||= 'default';
  if (v.rbd) {
    v.rbd.pool ||= 'rbd';
    v.rbd.user ||= 'admin';
    v.rbd.keyring ||= '/etc/ceph/keyring';
  }
  if (v.azureDisk) {
    v.azureDisk.cachingMode ??= 'ReadWrite';
    v.azureDisk.fsType ??= 'ext4';
    v.azureDisk.readOnly ??= false;
    v.azureDisk.kind ??= 'Shared';
  }
  if (v.scaleIO) {
    v.scaleIO.storageMode ||= 'ThinProvisioned';
    v.scaleIO.fsType ||= 'xfs';
  }
  const claimSpec = v.ephemeral?.volumeClaimTemplate?.spec;
  if (claimSpec) {
    claimSpec.volumeMode ??= 'Filesystem';
    defaultResourceList(claimSpec.resources?.requests as Record<string, unknown> | undefined);
    defaultResourceList(claimSpec.resources?.limits as Record<string, unknown> | undefined);
  }
}

/** SetDefaults_PodSpec and the defaults of everything a PodSpec contains. */
export function defaultPodSpec(spec: PodSpec): void {
  // The v1 conversion mirrors the deprecated serviceAccount field onto serviceAccountName and back.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c as Container);
  for (const v of spec.volumes ?? []) defaultVolume(v);
  defaultResourceList(spec.overhead as Record<string, unknown> | undefined);
}

export function defaultPodTemplateSpec(t: PodTemplateSpec): void {
  t.spec ??= { containers: [] };
  defaultPodSpec(t.spec);
}

/** Copies limits into absent requests (SetDefaults_Pod, pods only). */
function defaultRequestsFromLimits(c: Container): void {
  const limits = c.resources?.limits;
  if (!limits) return;
  const requests = (c.resources!.requests ??= {});
  for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
}

/** The v1 conversion keeps podIP/podIPs[0] and hostIP/hostIPs[0] in step. */
function mirrorStatusIPs(pod: Pod): void {
  const status = pod.status as { podIP?: string; podIPs?: { ip: string }[]; hostIP?: string; hostIPs?: { ip: string }[] } | undefined;
  if (!status) return;
  if (status.podIP && !status.podIPs?.length) status.podIPs = [{ ip: status.podIP }];
  if (status.podIPs?.length && !status.podIP) status.podIP = status.podIPs[0].ip;
  if (status.hostIP && !status.hostIPs?.length) status.hostIPs = [{ ip: status.hostIP }];
  if (status.hostIPs?.length && !status.hostIP) status.hostIP = status.hostIPs[0].ip;
}

/** SetDefaults_Pod on top of the PodSpec defaults. */
export function defaultPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  defaultPodSpec(spec);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) defaultRequestsFromLimits(c);
  spec.enableServiceLinks ??= true;
  mirrorStatusIPs(pod);
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const port of c.ports ?? []) port.hostPort ||= port.containerPort;
    }
  }
}
