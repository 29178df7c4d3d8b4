import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// core/'s layers, lowest first (docs/architecture.md): a file imports its own layer and those below,
// never one above; the files at the top of core/ (cluster.ts, cli.ts...) wire everything. So
// machinery/ imports nothing else of the core.
const CORE_LAYERS = [
  ['machinery'], ['store'], ['storage'], ['registry', 'quota'], ['apiserver'], ['client'], ['scheduler'], ['controllers'],
  ['runtime'], ['kubelet'], ['nodes'], ['metrics'], ['kubectl'],
];
const root = fileURLToPath(new URL('.', import.meta.url));
const layered = CORE_LAYERS.flat();
const unplaced = readdirSync(`${root}core`, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !layered.includes(e.name));
if (unplaced.length > 0) throw new Error(`eslint.config.js: place core/${unplaced[0].name}/ in CORE_LAYERS`);
const folders = (names) => names.map((name) => `core/${name}/**`);
const layerZones = CORE_LAYERS.map((names, i) => ({
  target: folders(names),
  from: [...folders(CORE_LAYERS.slice(i + 1).flat()), 'core/*.ts'],
  message: `core/${names.join('/, core/')}/ imports only ${CORE_LAYERS.slice(0, i).flat().join(', ') || 'nothing else of the core'} (layers below it).`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'core/registry/openapi/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Late-bound references used by closures created earlier are fine.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['core/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            ...layerZones,
            // Tests follow the layer of the code beside them, and may use the shared test helpers.
            { target: 'core/**/!(*.test).ts', from: 'test/**', message: 'Only tests import test/.' },
            { target: 'core/**/*.test.ts', from: 'test/**', except: [`${root}test/support/**`], message: 'Tests import only test/support/ of test/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
