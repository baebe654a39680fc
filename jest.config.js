/**
 * Unit and integration tests (`npx jest`). Browser tests run with Playwright (`npm run test:e2e`).
 * ts-jest only transpiles (isolatedModules); `npm run typecheck` does the type checking.
 */
const tsJest = (tsconfig) => ['ts-jest', { tsconfig, isolatedModules: true, diagnostics: false }];

module.exports = {
  projects: [
    {
      displayName: 'plugin',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJest('<rootDir>/tsconfig.json') },
      setupFilesAfterEnv: ['<rootDir>/src/test/setupTests.ts'],
      moduleNameMapper: { '\\.(css|scss)$': '<rootDir>/src/test/styleStub.ts' },
    },
    {
      displayName: 'sandbox',
      testEnvironment: 'node',
      roots: ['<rootDir>/sandbox'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/sandbox/tsconfig.json') },
    },
  ],
};
