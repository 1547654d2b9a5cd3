/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
    // jose ships only as an ES module; Node loads it natively, jest's CommonJS runtime needs it transformed.
    '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  // Tab code under test imports the domain and the message catalogues by name (tabs/tsconfig.json "paths").
  moduleNameMapper: {
    '^@domain/(.*)$': '<rootDir>/bot/domain/$1',
    '^@i18n$': '<rootDir>/bot/i18n',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  testTimeout: 20000,
};
