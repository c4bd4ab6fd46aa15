import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The real-code run is slow: `npm run test:realworld`.
    exclude: ['tests/realworld/**', 'node_modules/**'],
    setupFiles: ['./tests/setup.ts'],
    // Typed linting builds TypeScript programs: generous timeouts on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
