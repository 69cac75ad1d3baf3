import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '**/.astro/',
      'node_modules/',
      'tests/.output/',
      'bench/.work/',
      'bench/baseline/',
      '.glossa-tmp/',
      'tests/fixtures/**/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
);
