// Unit and browser tests run once. API tests run once per database: always on SQLite, and also on MySQL
// when TEST_MYSQL_URL (or DATABASE_URL) names one, so a single `npm test` covers both drivers.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

const mysqlUrl = process.env.TEST_MYSQL_URL || process.env.DATABASE_URL;

const projects = [
  {
    ...common,
    displayName: 'unit',
    testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    // GraphQL Code Generator requires auto-bind, which ships only as an ES module; Node loads it
    // natively, but jest's module loader needs it compiled to CommonJS.
    transform: { ...common.transform, '/node_modules/auto-bind/.+\\.js$': swcTransform },
    transformIgnorePatterns: ['/node_modules/(?!auto-bind/)'],
  },
  {
    ...common,
    displayName: 'api:sqlite',
    testMatch: ['<rootDir>/test/api/**/*.test.ts'],
    globals: { TEST_DATABASE: 'sqlite' },
    // Some API tests start the built server as a separate process; this builds it when stale.
    globalSetup: '<rootDir>/test/support/build-server.ts',
  },
  {
    // The browser drives the IDE page, which does not depend on the database, so SQLite only.
    ...common,
    displayName: 'browser',
    testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    globals: { TEST_DATABASE: 'sqlite' },
  },
];

if (mysqlUrl) {
  projects.push({
    ...common,
    displayName: 'api:mysql',
    testMatch: ['<rootDir>/test/api/**/*.test.ts'],
    globals: { TEST_DATABASE: 'mysql' },
    globalSetup: '<rootDir>/test/support/build-server.ts',
  });
}

module.exports = { projects, testTimeout: 60000 };
