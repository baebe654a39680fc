import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'serverless/functions/',
      'serverless/assets/messaging-setup-view/',
      'serverless/node_modules/',
      'serverless/.test-build-*/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // A focused test hides every other test; a disabled one passes by never running. Neither may be
    // committed (Jest's and Playwright's share these names). A test that cannot run on some machine
    // says so with a real condition inside it, not with .skip. Core ESLint only: no plugin to keep.
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', '**/test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(only|skip|fixme)$/]',
          message:
            'Focused (.only) or disabled (.skip/.fixme) tests are not committed: run one file instead, or fix the test.',
        },
        {
          selector: "MemberExpression[object.property.name='describe'][property.name=/^(only|skip|fixme)$/]",
          message: 'Focused (.only) or disabled (.skip/.fixme) test groups are not committed.',
        },
        {
          selector: 'CallExpression[callee.name=/^(fit|fdescribe|xit|xtest|xdescribe)$/]',
          message: 'Focused (fit/fdescribe) or disabled (xit/xtest/xdescribe) tests are not committed.',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
