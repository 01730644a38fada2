// Lint rules that keep the architecture visible: the server stays editor-free, and only the
// engine module talks to dockerode.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.test-output/**', '**/fixtures/**', '*.vsix'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // dockerode is reached only through client/src/engine.
      'no-restricted-imports': ['error', { paths: [{ name: 'dockerode', message: 'Only client/src/engine may import dockerode.' }] }],
    },
  },
  {
    files: ['client/src/engine/**/*.ts'],
    rules: {
      // The engine module is plain Node: usable from the CLI, workers and engine-tier tests.
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'vscode-languageclient'].map((name) => ({ name, message: 'The engine module must not depend on the editor.' })),
          patterns: ['vscode-languageclient/*'],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The language server must not import the editor API.' },
            { name: 'vscode-languageclient', message: 'The language server must not import the client library.' },
            { name: 'dockerode', message: 'Only client/src/engine may import dockerode.' },
          ],
          patterns: ['vscode-languageclient/*'],
        },
      ],
    },
  },
  {
    // The pure core: text in, data out. No I/O, no LSP connection.
    files: ['server/src/dockerfile/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'vscode-languageclient', 'vscode-languageserver', 'dockerode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http'].map((name) => ({ name, message: 'The Dockerfile core is pure: no editor, LSP connection or I/O.' })),
          patterns: ['vscode-languageclient/*', 'vscode-languageserver/*'],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
