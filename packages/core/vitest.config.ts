import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    // TensorFlow.js keeps one engine per thread: run each file in its own fork.
    pool: 'forks',
  },
});
