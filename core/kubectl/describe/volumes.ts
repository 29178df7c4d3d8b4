// A pod's volumes as describe prints them: each source's type line and its fields.
import type { Volume } from 'kubernetes-types/core/v1';
import { formatQuantity, parseQuantity } from '../../machinery/quantity';
import { goValue } from './format';
import type { DescribeWriter } from './writer';

/** "Type:\t..." at level 2, then its fields four spaces in. */
const fields = (w: DescribeWriter, type: string, pairs: [string, unknown][]) =>
  w.write(2, `Type:\t${type}\n${pairs.map(([k, v]) => `    ${k}:\t${goValue(v)}\n`).join('')}`);

function describeSource(w: DescribeWriter, v: Volume): void {
  if (v.hostPath) return fields(w, 'HostPath (bare host directory volume)', [['Path', v.hostPath.path], ['HostPathType', v.hostPath.type || '<none>']]);
  if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit === undefined ? undefined : parseQuantity(String(v.emptyDir.sizeLimit));
    const size = limit && limit.unscaled > 0n ? formatQuantity(limit) : '<unset>';
    return fields(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium', v.emptyDir.medium ?? ''], ['SizeLimit', size]]);
  }
  if (v.secret) return fields(w, 'Secret (a volume populated by a Secret)', [['SecretName', v.secret.secretName ?? ''], ['Optional', v.secret.optional === true]]);
  if (v.configMap) return fields(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name', v.configMap.name ?? ''], ['Optional', v.configMap.optional === true]]);
  if (v.nfs) return fields(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', v.nfs.server], ['Path', v.nfs.path], ['ReadOnly', v.nfs.readOnly === true]]);
  if (v.persistentVolumeClaim)
    return fields(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [['ClaimName', v.persistentVolumeClaim.claimName], ['ReadOnly', v.persistentVolumeClaim.readOnly === true]]);
  if (v.downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
    return;
  }
  if (v.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of v.projected.sources ?? []) {
      // kubectl prints the Optional pointers with %v: only an unset one reads the same everywhere.
      if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${goValue(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
      else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${goValue(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
    return;
  }
  if (v.csi) {
    fields(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', v.csi.driver], ['FSType', v.csi.fsType ?? ''], ['ReadOnly', v.csi.readOnly === true]]);
    const attrs = v.csi.volumeAttributes ?? {};
    w.write(2, 'VolumeAttributes:\t');
    const keys = Object.keys(attrs).sort();
    if (!keys.length) return w.line('<none>');
    keys.forEach((k, i) => {
      if (i) w.write(2, '\t');
      const line = `${k}=${attrs[k]}`;
      w.write(2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
    });
    return;
  }
  // Image volumes are newer than kubernetes-types.
  const image = (v as { image?: { reference?: string; pullPolicy?: string } }).image;
  if (image) return fields(w, 'Image (a container image or OCI artifact)', [['Reference', image.reference ?? ''], ['PullPolicy', image.pullPolicy ?? '']]);
  if (v.ephemeral) return w.write(2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  w.write(1, '<unknown>\n');
}

/** describeVolumes: `space` is "" in a pod and "  " in a pod template. */
export function describeVolumes(w: DescribeWriter, volumes: Volume[] | undefined, space: string): void {
  if (!volumes?.length) return w.write(0, `${space}Volumes:\t<none>\n`);
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    describeSource(w, v);
  }
}
