/**
 * Three tiers: unit (no database), integration (real Neo4j), e2e (real HTTP and a real Chromium).
 * One throwaway embedded Neo4j serves the whole run: started in globalSetup, stopped in globalTeardown.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }];
const common = { testEnvironment: 'node', transform: { '^.+\\.ts$': tsJest } };

module.exports = {
  globalSetup: '<rootDir>/tests/helpers/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/helpers/globalTeardown.ts',
  reporters: ['default', '<rootDir>/tests/helpers/summaryReporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'], testTimeout: 120_000 },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], testTimeout: 120_000 },
  ],
};
