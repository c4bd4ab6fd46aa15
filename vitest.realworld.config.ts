import { defineConfig } from 'vitest/config';

// `npm run test:realworld`: the plugin on published TypeScript sources (slow; not part of `npm test`).
export default defineConfig({
  test: {
    include: ['tests/realworld/**/*.test.ts'],
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
