/**
 * Unit and integration tests (`npx jest`). Browser tests run with Playwright (`npm run test:e2e`).
 * ts-jest only transpiles (isolatedModules); `npm run typecheck` does the type checking.
 */
const tsJest = (tsconfig) => ['ts-jest', { tsconfig, diagnostics: false }];

/** Node-side projects start the sandbox, whose openapi-backend needs one ESM-only package compiled. */
const nodeProject = (displayName, folder, tsconfigFolder = folder) => ({
  displayName,
  testEnvironment: 'node',
  roots: [`<rootDir>/${folder}`],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/\\.test-build-'],
  transform: {
    '^.+\\.ts$': tsJest(`<rootDir>/${tsconfigFolder}/tsconfig.json`),
    // openapi-backend (CommonJS) requires @apidevtools/json-schema-ref-parser, which ships only
    // ES modules. Node 20 loads that natively; Jest's module registry cannot, so compile it.
    '/node_modules/@apidevtools/json-schema-ref-parser/.+\\.js$': tsJest({
      allowJs: true,
      module: 'commonjs',
      target: 'ES2022',
    }),
  },
  transformIgnorePatterns: ['/node_modules/(?!@apidevtools/json-schema-ref-parser/)'],
});

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
    nodeProject('sandbox', 'sandbox'),
    nodeProject('serverless', 'serverless'),
    // The project's own scripts (deploy, checks); type-checked with the sandbox's config.
    nodeProject('scripts', 'scripts', 'sandbox'),
  ],
};
