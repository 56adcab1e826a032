// Lint config: type-aware rules everywhere, plus the layer rules of STYLE.md.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

const noNode = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'shared/ and renderer/ must not use Node.',
  })),
}

/** Import patterns both shared/ layers refuse: Electron, UI libraries and the other top-level folders. */
function sharedLayerPatterns(messages) {
  return [
    { group: ['electron', 'electron/*'], message: messages.electron },
    { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*'], message: messages.ui },
    // A regex, not a gitignore pattern: `mermaid` as a pattern also matched shared/generate/mermaid/.
    { regex: '^mermaid(/.*)?$', message: messages.ui },
    {
      group: ['**/electron/**', '**/renderer/**', '**/cli/**', '**/test/**'],
      message: messages.outside,
    },
  ]
}

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'node_modules/**',
      'dist/**',
      'out/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'assets/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            {
              regex: '(^|/)node/',
              message: 'Only shared/node/ (and the Node shells) use shared/node/.',
            },
            ...sharedLayerPatterns({
              electron: 'shared/ is pure: no Electron.',
              ui: 'shared/ is pure: no UI libraries.',
              outside: 'shared/ imports nothing outside shared/.',
            }),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'process',
          'require',
          'Buffer',
          '__dirname',
          'fetch',
        ].map((name) => ({
          name,
          message: 'shared/ is pure: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    // The Node-side layer shared by cli/ and electron/main: node:* is fine, Electron, UI and DOM are not.
    files: ['shared/node/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sharedLayerPatterns({
              electron: 'shared/node/ runs in the CLI too: no Electron.',
              ui: 'shared/node/ has no UI.',
              outside: 'shared/node/ imports only shared/ and Node.',
            }),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage'].map((name) => ({
          name,
          message: 'shared/node/ has no DOM.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer talks to the platform only through the preload API.',
            },
            { group: ['**/electron/**', '**/cli/**'], message: 'renderer/ imports only shared/.' },
            { regex: '(^|/)shared/node/', message: 'renderer/ cannot use the Node-side layer.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'cli/**/*.ts',
      'scripts/**/*.{ts,mjs,js}',
      'test/**/*.ts',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests assert on values they just built; a failed assertion is the clearer error there.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ and cli/ import only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'Raw ipcMain lives only in electron/main/ipc.ts.',
        },
        {
          selector: "ImportSpecifier[imported.name='ipcRenderer']",
          message: 'Raw ipcRenderer lives only in electron/preload/index.ts.',
        },
      ],
    },
  },
)
