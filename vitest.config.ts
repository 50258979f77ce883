import { defineConfig } from 'vitest/config';

// Fast tests of pure logic, in Node. Browser behaviour is tested end to end (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'utils/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
    // A hang guard, not a budget: some tests spawn a CLI that compiles the whole dataset, which
    // takes several seconds on a busy 2-core machine (timings belong to `npm run bench`).
    testTimeout: 60_000,
  },
});
