// ESLint flat config: typescript-eslint's recommended type-checked rules plus a short list of
// project rules. Formatting is Prettier's job, so no stylistic rules appear here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'src/database/migrations/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // An unawaited promise loses its error and can outlive the request or transaction.
      '@typescript-eslint/no-floating-promises': 'error',
      // `x!` hides a null the type system found; handle it or narrow the type instead.
      '@typescript-eslint/no-non-null-assertion': 'error',
      // A switch over an enum must name every member, so a new member is a compile error.
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Type-only imports are erased; marking them keeps runtime import cycles visible.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // The server logs through its structured logger, never the console.
      'no-console': 'error',
      // Apollo plugin hooks and DataLoader batch functions are async by contract even when a
      // particular one awaits nothing.
      '@typescript-eslint/require-await': 'off',
      // Unused arguments are allowed when named with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Scripts print for people, and tests use loose GraphQL response shapes.
    files: ['scripts/**', 'test/**', 'bench/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        module: 'readonly',
        process: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
