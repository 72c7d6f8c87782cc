import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';

const SECRET = 'x'.repeat(32);

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
}

describe('loadConfig', () => {
  test('defaults use SQLite and demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({
      type: 'sqlite',
      path: path.resolve('data', 'lelang-kinerja.sqlite'),
    });
    expect(config.seedDemo).toBe(true);
    expect(config.migrateOnStart).toBe(true);
    expect(config.demoPassword).toBe('lelang2019');
    expect(config.jwtSecretGenerated).toBe(true);
  });

  test('MySQL URL turns demo data off', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://u:p@db:3306/lk', JWT_SECRET: SECRET });
    expect(config.database).toMatchObject({ type: 'mysql', url: 'mysql://u:p@db:3306/lk' });
    expect(config.seedDemo).toBe(false);
  });

  test('mariadb scheme names the flavor', () => {
    const config = loadConfig({ DATABASE_URL: 'mariadb://u@db:3306/lk' });
    expect(config.database).toMatchObject({ url: 'mysql://u@db:3306/lk', flavor: 'mariadb' });
  });

  test('GraphQL IDE on outside production', () => {
    expect(loadConfig({}).graphqlIde).toBe(true);
    expect(loadConfig({ GRAPHQL_IDE: 'false' }).graphqlIde).toBe(false);
  });

  test('GraphQL IDE off in production', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: SECRET };
    expect(loadConfig(env).graphqlIde).toBe(false);
    expect(loadConfig({ ...env, GRAPHQL_IDE: 'true' }).graphqlIde).toBe(true);
  });

  test('invalid GRAPHQL_IDE rejected', () => {
    expect(problemsOf({ GRAPHQL_IDE: 'sometimes' })).toEqual([
      'GRAPHQL_IDE "sometimes" is invalid: use true or false',
    ]);
  });

  test('production requires JWT_SECRET', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET is missing: set it to a random string of at least 32 characters',
    ]);
  });

  test('short JWT_SECRET rejected', () => {
    expect(problemsOf({ JWT_SECRET: 'short' })[0]).toContain('JWT_SECRET is too short');
  });

  test('every invalid value reported at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://x/y',
      SEED_DEMO: 'maybe',
      LOG_LEVEL: 'loud',
      TOKEN_TTL_SECONDS: '5',
    });
    expect(problems).toHaveLength(5);
    expect(problems[0]).toBe('PORT "eighty" is invalid: expected an integer in 0..65535');
  });

  test('SEED_DEMO and MIGRATE_ON_START read booleans', () => {
    const config = loadConfig({ SEED_DEMO: 'false', MIGRATE_ON_START: 'no' });
    expect(config.seedDemo).toBe(false);
    expect(config.migrateOnStart).toBe(false);
  });
});
