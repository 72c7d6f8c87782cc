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

describe('loadConfig replicas and limits', () => {
  test('replica URLs split on commas', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://u@primary:3306/lk',
      DATABASE_REPLICA_URLS: ' mysql://u@r1:3306/lk, ,mariadb://u@r2:3306/lk ',
    });
    expect(config.database).toMatchObject({
      type: 'mysql',
      url: 'mysql://u@primary:3306/lk',
      replicaUrls: ['mysql://u@r1:3306/lk', 'mysql://u@r2:3306/lk'],
    });
  });

  test('no replicas by default', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://u@primary:3306/lk' });
    expect(config.database).toMatchObject({ replicaUrls: [] });
  });

  test('invalid replica URL named by position', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://u@primary:3306/lk',
      DATABASE_REPLICA_URLS: 'mysql://u@r1:3306/lk,postgres://u:secret@r2/lk',
    });
    expect(problems).toEqual([
      'DATABASE_REPLICA_URLS entry 2 is invalid: expected mysql://user:password@host:3306/' +
        'database, separated by commas',
    ]);
    expect(problems[0]).not.toContain('secret');
  });

  test('replicas without primary rejected', () => {
    expect(problemsOf({ DATABASE_REPLICA_URLS: 'mysql://u@r1:3306/lk' })[0]).toContain(
      'DATABASE_REPLICA_URLS is set but DATABASE_URL is not',
    );
  });

  test('metrics and import limit read', () => {
    const defaults = loadConfig({});
    expect(defaults.metricsEnabled).toBe(true);
    expect(defaults.importMaxBytes).toBe(1048576);

    const config = loadConfig({ METRICS_ENABLED: 'off', IMPORT_MAX_BYTES: '2048' });
    expect(config.metricsEnabled).toBe(false);
    expect(config.importMaxBytes).toBe(2048);
  });

  test('import limit out of range rejected', () => {
    expect(problemsOf({ IMPORT_MAX_BYTES: '10' })).toEqual([
      'IMPORT_MAX_BYTES "10" is invalid: expected an integer in 1024..52428800',
    ]);
  });

  test('production without JWT_SECRET stops with the fix', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://u@db/lk' })).toThrow(
      'Invalid configuration:\n- JWT_SECRET is missing: set it to a random string of at least 32 ' +
        'characters',
    );
  });
});
