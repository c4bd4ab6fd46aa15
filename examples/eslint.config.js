// The example service's lint setup: exactly the README's Install config.
import tseslint from 'typescript-eslint';
import alloc from 'eslint-plugin-alloc';

export default [
  ...tseslint.configs.recommended, // or any parser setup with type information
  {
    languageOptions: {
      parserOptions: {
        // Types for the files tsconfig.json includes, and for root files it leaves out, such as this one.
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  alloc.configs['recommended-type-checked'],
];
