// What the user is looking at, beyond the route: namespace (mirrored in the route's ?ns= by
// router/route-sync.ts), the row picked in a list, the theme, the command palette.
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

export type Theme = 'dark' | 'light';

export interface Selection {
  name: string;
  namespace: string;
}

export const useUiStore = defineStore('ui', () => {
  const namespace = ref('');
  const selected = ref<Selection>();
  const paletteOpen = ref(false);
  const stored = localStorage.getItem('wheelhouse.theme');
  const theme = ref<Theme>(stored === 'light' || stored === 'dark' ? stored : matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');

  watch(theme, (t) => localStorage.setItem('wheelhouse.theme', t));

  function toggleTheme(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark';
  }

  return { namespace, selected, paletteOpen, theme, toggleTheme };
});
