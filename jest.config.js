/**
 * Three tiers: unit (no database), integration (real Neo4j), e2e (real HTTP and a real Chromium).
 * One throwaway embedded Neo4j serves the whole run. Jest runs a project's globalSetup only when that
 * project has tests to run, so `--selectProjects unit` starts no database; the setup is idempotent, so
 * integration and e2e share one instance, stopped by whichever teardown runs first after all tests.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// dist/ holds a compiled copy (with its own package.json): keep jest's module map to the sources.
// jose ships ES modules only, which jest (on Node 20) cannot require: its files are compiled to CommonJS for tests.
const esmOnlyToCommonJs = ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest, '/node_modules/jose/.+\\.js$': esmOnlyToCommonJs },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
const withNeo4j = {
  globalSetup: '<rootDir>/tests/helpers/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/helpers/globalTeardown.ts',
};

module.exports = {
  // A global option (projects cannot set it): Neo4j restarts and browser runs need more than 5 s.
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/tests/helpers/summaryReporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, ...withNeo4j, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, ...withNeo4j, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
