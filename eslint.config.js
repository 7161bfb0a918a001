// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domainClockRule = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'Time is injected: take a Clock instead of calling Date.now().',
    },
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'Time is injected: take a Clock instead of new Date().',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'dist/**',
      'test/reference-engine/target/**',
      '.reference-engine/**',
      '.tmp/**',
      'docs/**',
      'src/web/vendor/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'bpmn-engine', message: 'Only src/engine/ may import bpmn-engine.' },
            { name: 'bpmn-elements', message: 'Only src/engine/ may import bpmn-elements.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/calendar/**', 'processes/**', 'workers/**', 'src/engine/**', 'src/api/**'],
    ignores: ['**/*.test.ts'],
    rules: domainClockRule,
  },
  {
    files: ['src/clock/system-clock.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The browser app (src/web/README.md): no Node built-ins, no HTML injection, no inline styles (the CSP).
    files: ['src/web/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The browser app cannot use Node built-ins.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text and elements; never HTML strings.',
        },
        {
          selector: "JSXAttribute[name.name='style']",
          message: 'Style with a class in src/web/app/styles/_app.scss (the CSP allows no inline style).',
        },
      ],
    },
  },
);
