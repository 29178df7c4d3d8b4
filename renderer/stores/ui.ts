// What the user is looking at: kind, namespace, selected object, theme. The kind and namespace
// live in the URL hash (#/pods?ns=default) so reloads and back/forward keep them.
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { findKind } from '../kube/resources';

export type Theme = 'dark' | 'light';

export interface Selection {
  name: string;
  namespace: string;
}

function readHash(): { kind: string; namespace: string } {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const kind = findKind(path) ? path : 'pods';
  return { kind, namespace: new URLSearchParams(query).get('ns') ?? '' };
}

export const useUiStore = defineStore('ui', () => {
  const initial = readHash();
  const kindId = ref(initial.kind);
  const namespace = ref(initial.namespace);
  const selected = ref<Selection>();
  const stored = localStorage.getItem('wheelhouse.theme');
  const theme = ref<Theme>(stored === 'light' || stored === 'dark' ? stored : matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');

  watch([kindId, namespace], ([k, ns]) => {
    selected.value = undefined;
    const hash = `#/${k}${ns ? `?ns=${encodeURIComponent(ns)}` : ''}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  });
  watch(theme, (t) => localStorage.setItem('wheelhouse.theme', t));
  window.addEventListener('hashchange', () => {
    const next = readHash();
    kindId.value = next.kind;
    namespace.value = next.namespace;
  });

  return { kindId, namespace, selected, theme };
});
