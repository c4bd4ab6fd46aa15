// The example service's lint setup: exactly what the README tells users to write.
import tseslint from 'typescript-eslint';
import alloc from 'eslint-plugin-alloc';

export default [
  ...tseslint.configs.recommended,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  alloc.configs['recommended-type-checked'],
];
