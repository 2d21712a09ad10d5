import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests, and end-to-end tests that need the built app,
// Chromium and the SIP rig (run inside a loopback-only network namespace by scripts/run-tests.sh).
// The end-to-end files run one at a time once every unit test is done (projects otherwise run
// together): the browser figures they print are then the app's, not two cores shared with vitest.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/crash/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
