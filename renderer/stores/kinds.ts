// Every kind the app can show: the built-in ones, plus one per custom resource definition the
// cluster serves, discovered live from a watch on CRDs.
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { customKind } from '../kube/custom-kinds';
import { ALL_KINDS, collectionPath, findKind, SECTIONS, type ResourceKind, type ResourceSection } from '../kube/resources';
import { useObjectWatch } from '../kube/use-object-watch';

export const useKindsStore = defineStore('kinds', () => {
  const crds = useObjectWatch<CustomResourceDefinition>();

  const custom = computed(() =>
    crds.items.value
      .map(customKind)
      .filter((k): k is ResourceKind => !!k)
      .sort((a, b) => a.label.localeCompare(b.label) || a.group.localeCompare(b.group)),
  );
  const sections = computed<ResourceSection[]>(() =>
    SECTIONS.map((s) => (s.title === 'Custom Resources' ? { ...s, kinds: [...s.kinds, ...custom.value] } : s)),
  );
  const all = computed(() => [...ALL_KINDS, ...custom.value]);
  /** Whether an unknown id may still turn out to be a custom kind. */
  const discovering = computed(() => crds.state.value !== 'watching' && crds.state.value !== 'error');

  function discover(): void {
    crds.start(collectionPath(findKind('customresourcedefinitions')!));
  }

  function find(id: string): ResourceKind | undefined {
    return findKind(id) ?? custom.value.find((k) => k.id === id);
  }

  /** The kind an ownerReference or involvedObject names, e.g. ('apps/v1', 'ReplicaSet'). */
  function byKind(apiVersion: string | undefined, kind: string | undefined): ResourceKind | undefined {
    const group = apiVersion?.includes('/') ? apiVersion.split('/')[0] : '';
    return all.value.find((k) => k.kind === kind && k.group === group);
  }

  return { custom, sections, all, discovering, discover, find, byKind };
});
