import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The sysfs fixture trees are full of symlinks; crawling them for tests takes minutes.
    exclude: [...configDefaults.exclude, 'test/fixtures/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Chromium and QEMU are heavy on a 2-core machine: one file at a time for e2e.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './tools/summary-reporter.ts'],
  },
});
