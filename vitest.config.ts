import { defineConfig } from 'vitest/config';

// Fast tests of pure logic, in Node. Browser behaviour is tested end to end (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'utils/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
  },
});
