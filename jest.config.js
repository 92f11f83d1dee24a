// Three projects: unit (pure rules and the HTTP stack), infra (CDK assertions) and integration
// (the real handlers behind the local runtime, driven over HTTP). middy and jose ship ESM only,
// so ts-jest also transpiles them to CommonJS for jest's module system.
const transform = { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
const transformIgnorePatterns = ['/node_modules/(?!(@middy|jose)/)'];
const common = { testEnvironment: 'node', transform, transformIgnorePatterns };

/** @type {import('jest').Config} */
module.exports = {
  // Jest reads the timeout from the root config only; integration tests drive a real runtime.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
    // The portal's own rules (formatting, language fallback, problems) and its build budget.
    { ...common, displayName: 'web', testMatch: ['<rootDir>/test/web/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/setup/global-teardown.ts',
    },
    {
      // The portal in a real Chromium, against the same local runtime as the integration tests.
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/setup/global-teardown.ts',
    },
  ],
};
