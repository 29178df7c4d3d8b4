// Helm's release records in a namespace (all when ''), live, each decoded once per
// resourceVersion. Selected by Helm's owner label, as helm list does.
import { computed, reactive, watch, type Ref } from 'vue';
import type { KubeObject } from '../kube/object-source';
import { collectionPath, findKind } from '../kube/resources';
import { useObjectWatch } from '../kube/use-object-watch';
import { decodeRelease, isReleaseSecret, recordLabels, type HelmRelease } from './release-codec';

export interface ReleaseRecord {
  secret: KubeObject;
  namespace: string;
  name: string;
  version: number;
  status: string;
  /** Decoded on demand (decode()); an Error when the record cannot be read. */
  release?: HelmRelease | Error;
}

export function useReleaseRecords(namespace: Ref<string>, releaseName?: Ref<string>) {
  const secrets = useObjectWatch();
  watch(
    [namespace, () => releaseName?.value],
    ([ns, name]) => secrets.start(collectionPath(findKind('secrets')!, ns), { labelSelector: name ? `owner=helm,name=${name}` : 'owner=helm' }),
    { immediate: true },
  );
  // By uid@resourceVersion, so an updated record (status superseded) is read again.
  const decoded = reactive(new Map<string, HelmRelease | Error>());
  const keyOf = (s: KubeObject) => `${s.metadata?.uid}@${s.metadata?.resourceVersion}`;

  const records = computed<ReleaseRecord[]>(() =>
    secrets.items.value.filter(isReleaseSecret).map((secret) => ({
      secret,
      namespace: secret.metadata?.namespace ?? '',
      ...recordLabels(secret),
      release: decoded.get(keyOf(secret)),
    })),
  );

  function decode(record: ReleaseRecord): void {
    const key = keyOf(record.secret);
    if (decoded.has(key)) return;
    const value = (record.secret as { data: { release: string } }).data.release;
    decodeRelease(value).then(
      (release) => decoded.set(key, release),
      (err: unknown) => decoded.set(key, new Error(`Cannot read ${record.secret.metadata?.name}: ${(err as Error).message}`)),
    );
  }

  return { records, decode, state: secrets.state, error: secrets.error };
}
