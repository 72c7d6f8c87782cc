import path from 'node:path';
import { ConfigError, loadConfig, loadImportLimits } from '../../../src/config/config';

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

  test.each(['prod', 'Production', 'dev', 'staging', ' production'])(
    'NODE_ENV %p rejected',
    (value) => {
      expect(problemsOf({ NODE_ENV: value, JWT_SECRET: SECRET })).toEqual([
        `NODE_ENV "${value}" is invalid: use development, production, test, or leave it unset ` +
          'for development',
      ]);
    },
  );

  test.each([
    [undefined, 'development'],
    ['', 'development'],
    ['development', 'development'],
    ['test', 'test'],
    ['production', 'production'],
  ])('NODE_ENV %p accepted as %p', (value, expected) => {
    const config = loadConfig({ NODE_ENV: value, JWT_SECRET: SECRET });
    expect(config.environment).toBe(expected);
    expect(config.isProduction).toBe(expected === 'production');
  });

  test('short DEMO_PASSWORD rejected', () => {
    const problems = problemsOf({ DEMO_PASSWORD: 'short' });
    expect(problems).toEqual([
      'DEMO_PASSWORD is invalid: it has 5 characters, and passwords need 10 to 200',
    ]);
    expect(problems[0]).not.toContain('short');
  });

  test('DEMO_PASSWORD length bounds', () => {
    expect(loadConfig({ DEMO_PASSWORD: 'a'.repeat(10) }).demoPassword).toBe('a'.repeat(10));
    expect(loadConfig({ DEMO_PASSWORD: 'a'.repeat(200) }).demoPassword).toBe('a'.repeat(200));
    expect(problemsOf({ DEMO_PASSWORD: 'a'.repeat(9) })[0]).toContain('it has 9 characters');
    expect(problemsOf({ DEMO_PASSWORD: 'a'.repeat(201) })[0]).toContain('it has 201 characters');
  });

  test('short JWT_SECRET rejected', () => {
    expect(problemsOf({ JWT_SECRET: 'short' })[0]).toContain('JWT_SECRET is too short');
    expect(problemsOf({ JWT_SECRET: ' '.repeat(40) })[0]).toContain('JWT_SECRET is too short');
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
    expect(problems[0]).toBe('PORT "eighty" is invalid: expected an integer from 0 to 65535');
  });

  test.each([['0x1264'], ['1e3'], [' 4000'], ['4000.0']])('PORT %p rejected', (port) => {
    expect(problemsOf({ PORT: port })).toEqual([
      `PORT "${port}" is invalid: expected an integer from 0 to 65535`,
    ]);
  });

  test('token lifetime above 30 days rejected', () => {
    expect(problemsOf({ TOKEN_TTL_SECONDS: '99999999999' })).toEqual([
      'TOKEN_TTL_SECONDS "99999999999" is invalid: expected an integer from 60 to 2592000',
    ]);
  });

  test('production never loads demo data unless told to', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: SECRET };
    expect(loadConfig(production).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  test('HOST picks the listening address', () => {
    expect(loadConfig({}).host).toBeNull();
    expect(loadConfig({ HOST: ' 127.0.0.1 ' }).host).toBe('127.0.0.1');
  });

  test('SEED_DEMO and MIGRATE_ON_START read booleans', () => {
    const config = loadConfig({ SEED_DEMO: 'false', MIGRATE_ON_START: 'no' });
    expect(config.seedDemo).toBe(false);
    expect(config.migrateOnStart).toBe(false);
  });

  test('introspection off in production by default', () => {
    expect(loadConfig({}).introspection).toBe(true);
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET });
    expect(production.introspection).toBe(false);
    expect(production.hideSuggestions).toBe(true);
    const enabled = { NODE_ENV: 'production', JWT_SECRET: SECRET, GRAPHQL_INTROSPECTION: 'true' };
    expect(loadConfig(enabled).introspection).toBe(true);
  });

  test('query limits have defaults', () => {
    expect(loadConfig({}).queryLimits).toEqual({
      maxDepth: 12,
      maxCost: 5000,
      maxAliases: 20,
      maxOperations: 10,
      maxTokens: 10000,
    });
    const raised = loadConfig({ GRAPHQL_MAX_DEPTH: '20', GRAPHQL_MAX_COST: '20000' });
    expect(raised.queryLimits).toMatchObject({ maxDepth: 20, maxCost: 20000 });
    expect(problemsOf({ GRAPHQL_MAX_ALIASES: '0' })).toEqual([
      'GRAPHQL_MAX_ALIASES "0" is invalid: expected an integer from 1 to 10000',
    ]);
  });

  test('CORS_ORIGINS lists exact origins', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://sakip.malangkota.go.id, http://localhost:5173',
    });
    expect(config.http.corsOrigins).toEqual([
      'https://sakip.malangkota.go.id',
      'http://localhost:5173',
    ]);
    expect(loadConfig({}).http).toEqual({ corsOrigins: [], trustProxy: false });
  });

  test.each(['*', 'https://app.example/path', 'app.example', 'ftp://app.example'])(
    'CORS origin %p rejected',
    (origin) => {
      expect(problemsOf({ CORS_ORIGINS: origin })[0]).toContain(
        `CORS_ORIGINS entry "${origin}" is invalid`,
      );
    },
  );

  test('MySQL pool limits read from environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://u@db:3306/lk',
      DATABASE_POOL_QUEUE_LIMIT: '50',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_ACQUIRE_TIMEOUT_MS: '3000',
      DATABASE_QUERY_TIMEOUT_MS: '4000',
    });
    expect(config.database).toMatchObject({
      limits: {
        queueLimit: 50,
        connectTimeoutMs: 2000,
        acquireTimeoutMs: 3000,
        queryTimeoutMs: 4000,
      },
    });
    const defaults = loadConfig({ DATABASE_URL: 'mysql://u@db:3306/lk' });
    expect(defaults.database).toMatchObject({
      limits: {
        queueLimit: 500,
        connectTimeoutMs: 5000,
        acquireTimeoutMs: 10000,
        queryTimeoutMs: 30000,
      },
    });
  });

  test('login throttle defaults and checks', () => {
    expect(loadConfig({}).loginThrottle).toEqual({
      usernameFreeAttempts: 5,
      addressFreeAttempts: 20,
      baseDelayMs: 1000,
      maxDelayMs: 300000,
      windowMs: 900000,
    });
    expect(
      problemsOf({ LOGIN_THROTTLE_BASE_DELAY_MS: '5000', LOGIN_THROTTLE_MAX_DELAY_MS: '1000' }),
    ).toEqual([
      'LOGIN_THROTTLE_MAX_DELAY_MS (1000) is below LOGIN_THROTTLE_BASE_DELAY_MS (5000): ' +
        'raise the maximum',
    ]);
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
    expect(defaults.importMaxBytes).toBe(73728);

    const config = loadConfig({ METRICS_ENABLED: 'off', IMPORT_MAX_BYTES: '2048' });
    expect(config.metricsEnabled).toBe(false);
    expect(config.importMaxBytes).toBe(2048);
  });

  test('import limit out of range rejected', () => {
    expect(problemsOf({ IMPORT_MAX_BYTES: '10' })).toEqual([
      'IMPORT_MAX_BYTES "10" is invalid: expected an integer from 1024 to 73728',
    ]);
  });

  test('spreadsheet limits read', () => {
    expect(loadConfig({}).importLimits).toEqual({ maxUnpackedBytes: 4194304, maxRows: 5000 });
    const env = { IMPORT_MAX_UNPACKED_BYTES: '1048576', IMPORT_MAX_ROWS: '200' };
    expect(loadConfig(env).importLimits).toEqual({ maxUnpackedBytes: 1048576, maxRows: 200 });
    expect(loadImportLimits(env)).toEqual({ maxUnpackedBytes: 1048576, maxRows: 200 });
  });

  test('spreadsheet limits out of range rejected', () => {
    expect(problemsOf({ IMPORT_MAX_UNPACKED_BYTES: '1000', IMPORT_MAX_ROWS: '0' })).toEqual([
      'IMPORT_MAX_UNPACKED_BYTES "1000" is invalid: expected an integer from 65536 to 1073741824',
      'IMPORT_MAX_ROWS "0" is invalid: expected an integer from 1 to 1000000',
    ]);
    expect(() => loadImportLimits({ IMPORT_MAX_ROWS: 'many' })).toThrow(
      'IMPORT_MAX_ROWS "many" is invalid',
    );
  });

  test('production without JWT_SECRET stops with the fix', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://u@db/lk' })).toThrow(
      'Invalid configuration:\n- JWT_SECRET is missing: set it to a random string of at least 32 ' +
        'characters',
    );
  });
});
