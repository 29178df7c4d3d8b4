import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer: renderer/ → dist/renderer. Relative base so the same build loads from the
// web host (http://127.0.0.1) and from Electron's app:// protocol.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or eval: the CSP forbids both.
    modulePreload: { polyfill: false },
    // The YAML editor's CodeMirror in a chunk of its own, fetched when an editor first opens.
    rollupOptions: {
      output: { manualChunks: (id) => (/\/node_modules\/(@codemirror|codemirror|@lezer|style-mod|w3c-keyname|crelt)\//.test(id) ? 'codemirror' : undefined) },
    },
  },
});
