// @ts-check
/**
 * `npm run lint` (and the `lint` suite of `npm test`): typescript-eslint with type information on
 * every TypeScript and JavaScript file, the Lit and web-component rules on the elements, zero
 * warnings allowed. Prettier owns formatting (`npm run format:check`): eslint-config-prettier comes
 * last and switches off every rule with an opinion on layout.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { configs as lit } from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'build/',
      '.wp/',
      'node_modules/',
      'vendor/',
      'test-results/',
      'playwright-report/',
      'custom-elements.json',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        // Files in tsconfig.json get its program; the config files outside it get a default one.
        projectService: {
          allowDefaultProject: [
            'eslint.config.js',
            'vitest.config.ts',
            'web-test-runner.config.mjs',
            'custom-elements-manifest.config.mjs',
            'server/package/bin/*.js',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `Array<{ … }>` reads better than `{ … }[]` for anything but a plain name.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // An empty string means "not set" (environment variables, attributes, form fields): `||` on
      // strings is deliberate; `??` stays required for everything else.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // `() => {}` is the codebase's spelled-out no-op (a swallowed rejection, a silent logger).
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions'] }],
      // Omitting a key by destructuring (`const { pad: _pad, ...rest } = state`) is the idiom.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `async` fakes and stubs stand in for Promise-returning APIs (fetch, WebAuthn) without
      // awaiting anything; no-floating-promises and no-misused-promises guard the real hazards.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // @open-wc/semantic-dom-diff types chai's `equal` as returning a Promise; it is synchronous
          // (it only awaits for `equalSnapshot`, which this project does not use).
          allowForKnownSafeCalls: [{ from: 'package', name: 'Equal', package: '@open-wc/semantic-dom-diff' }],
        },
      ],
    },
  },

  // The elements: Lit templates and custom-element classes (LitElement is their base class).
  {
    files: ['elements/**/*.ts'],
    ...lit['flat/recommended'],
  },
  {
    files: ['elements/**/*.ts'],
    ...wc.configs['flat/best-practice'],
    settings: { wc: { elementBaseClasses: ['LitElement'] }, lit: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: ['elements/**/*.ts'],
    rules: {
      // LitElement defines every lifecycle callback, so `super.connectedCallback()` needs no guard.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['elements/**/*.ts'],
    ignores: ['elements/**/*.test.ts', 'elements/test/**'],
    rules: {
      // Lit calls listeners bound in templates (`@submit=${this.handleSubmit}`) with `this` set to the host.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['elements/**/*.test.ts'],
    rules: {
      // chai's property assertions (`expect(x).to.exist`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['**/*.test.ts'],
    ignores: ['elements/**'],
    rules: {
      // vitest types its asymmetric matchers (`expect.any(String)`, `expect.stringMatching(…)`) as `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    rules: {
      // Playwright specs read the JSON the system under test answers (`body.map(…)`, `JSON.parse`):
      // `expect` checks its shape; typing every answer would restate the contract the specs test.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['server/package/bin/*.js'],
    rules: {
      // The release's bin: plain JavaScript read by whatever Node runs it (no types); it reads its
      // own package.json, whose shape scripts/dist.ts writes.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },

  prettier,
);
