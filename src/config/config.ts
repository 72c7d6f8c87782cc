import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Database the server talks to. */
export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | {
      type: 'mysql';
      url: string;
      poolSize: number;
      flavor?: MysqlFlavor;
      /** Read replicas of the primary; empty or missing means every statement goes to `url`. */
      replicaUrls?: string[];
    };

/**
 * Server family behind a mysql:// URL. TypeORM reads MariaDB's catalogue differently, so the
 * server's version decides when the URL does not (mariadb:// names MariaDB outright).
 */
export type MysqlFlavor = 'mysql' | 'mariadb';

/** Settings read from the environment once at start. */
export interface AppConfig {
  /** NODE_ENV; "production" turns off development conveniences. */
  environment: string;
  isProduction: boolean;
  port: number;
  database: DatabaseConfig;
  /** Apply pending migrations at start. */
  migrateOnStart: boolean;
  /** Load the demo data set into an empty database at start. */
  seedDemo: boolean;
  demoPassword: string;
  jwtSecret: string;
  /** True when JWT_SECRET was missing and a random one was made for this process. */
  jwtSecretGenerated: boolean;
  tokenTtlSeconds: number;
  logLevel: string;
  /** Serve Prometheus metrics at /metrics. */
  metricsEnabled: boolean;
  /** Largest spreadsheet accepted by the import mutation, in bytes before base64 encoding. */
  importMaxBytes: number;
  /**
   * Serve the GraphQL IDE to browsers that open the endpoint (GRAPHQL_IDE); on by default
   * outside production and off by default in production.
   */
  graphqlIde: boolean;
}

/** Raised at start when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_SQLITE_PATH = path.join('data', 'lelang-kinerja.sqlite');
const MYSQL_URL_PATTERN = /^(mysql|mariadb):\/\/[^/]+\/[^/?]+/;

/**
 * Every environment variable the server reads. `.env.example` and the README's configuration
 * table list the same names; a unit test keeps the three in step.
 */
export const CONFIG_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'DATABASE_URL',
  'DATABASE_REPLICA_URLS',
  'SQLITE_PATH',
  'DATABASE_POOL_SIZE',
  'JWT_SECRET',
  'TOKEN_TTL_SECONDS',
  'SEED_DEMO',
  'DEMO_PASSWORD',
  'MIGRATE_ON_START',
  'LOG_LEVEL',
  'METRICS_ENABLED',
  'IMPORT_MAX_BYTES',
  'GRAPHQL_IDE',
] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the configuration. Without DATABASE_URL the server uses an SQLite file.
 * Outside production a missing JWT_SECRET is replaced by a random one (tokens then stop working
 * at restart); in production it is an error.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const environment = env.NODE_ENV ?? 'development';
  const isProduction = environment === 'production';

  const port = readInteger(env, 'PORT', 4000, { min: 0, max: 65535 }, problems);
  const database = readDatabase(env, problems);
  const tokenTtlSeconds = readInteger(env, 'TOKEN_TTL_SECONDS', 8 * 3600, { min: 60 }, problems);
  const migrateOnStart = readBoolean(env, 'MIGRATE_ON_START', true, problems);
  const seedDemo = readBoolean(env, 'SEED_DEMO', database.type === 'sqlite', problems);
  const metricsEnabled = readBoolean(env, 'METRICS_ENABLED', true, problems);
  const importMaxBytes = readInteger(
    env,
    'IMPORT_MAX_BYTES',
    1024 * 1024,
    { min: 1024, max: 50 * 1024 * 1024 },
    problems,
  );
  const graphqlIde = readBoolean(env, 'GRAPHQL_IDE', !isProduction, problems);

  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL "${logLevel}" is invalid: use one of ${LOG_LEVELS.join(', ')}`);
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  const jwtSecretGenerated = jwtSecret === '';
  if (jwtSecretGenerated && isProduction) {
    problems.push('JWT_SECRET is missing: set it to a random string of at least 32 characters');
  } else if (!jwtSecretGenerated && jwtSecret.length < 32) {
    problems.push(`JWT_SECRET is too short (${jwtSecret.length} characters): use at least 32`);
  }
  if (jwtSecretGenerated) {
    jwtSecret = randomBytes(32).toString('hex');
  }

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return {
    environment,
    isProduction,
    port,
    database,
    migrateOnStart,
    seedDemo,
    demoPassword: env.DEMO_PASSWORD || 'lelang2019',
    jwtSecret,
    jwtSecretGenerated,
    tokenTtlSeconds,
    logLevel,
    metricsEnabled,
    importMaxBytes,
    graphqlIde,
  };
}

/**
 * Reads only the database settings, for tools such as the migration CLI that need no secrets.
 * Throws ConfigError when they are invalid.
 */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const problems: string[] = [];
  const database = readDatabase(env, problems);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return database;
}

function readDatabase(env: NodeJS.ProcessEnv, problems: string[]): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (!url) {
    if (env.DATABASE_REPLICA_URLS) {
      problems.push(
        'DATABASE_REPLICA_URLS is set but DATABASE_URL is not: read replicas need a MySQL ' +
          'primary, so set DATABASE_URL too or unset DATABASE_REPLICA_URLS',
      );
    }
    return { type: 'sqlite', path: path.resolve(env.SQLITE_PATH || DEFAULT_SQLITE_PATH) };
  }
  if (!MYSQL_URL_PATTERN.test(url)) {
    problems.push('DATABASE_URL is invalid: expected mysql://user:password@host:3306/database');
  }
  const poolSize = readInteger(env, 'DATABASE_POOL_SIZE', 10, { min: 1, max: 1000 }, problems);
  const flavor = url.startsWith('mariadb://') ? 'mariadb' : undefined;
  return {
    type: 'mysql',
    url: toMysqlScheme(url),
    poolSize,
    flavor,
    replicaUrls: readReplicaUrls(env, problems),
  };
}

/** Reads DATABASE_REPLICA_URLS: MySQL URLs separated by commas; blanks between commas are ignored. */
function readReplicaUrls(env: NodeJS.ProcessEnv, problems: string[]): string[] {
  const entries = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, index) => {
    if (!MYSQL_URL_PATTERN.test(entry)) {
      problems.push(
        `DATABASE_REPLICA_URLS entry ${index + 1} is invalid: expected ` +
          'mysql://user:password@host:3306/database, separated by commas',
      );
    }
  });
  return entries.map(toMysqlScheme);
}

/** mysql2 knows only the mysql: scheme; MariaDB speaks the same protocol. */
function toMysqlScheme(url: string): string {
  return url.replace(/^mariadb:/, 'mysql:');
}

function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: { min?: number; max?: number },
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  const tooLow = range.min !== undefined && value < range.min;
  const tooHigh = range.max !== undefined && value > range.max;
  if (!Number.isInteger(value) || tooLow || tooHigh) {
    const bounds = `${range.min ?? '-'}..${range.max ?? '-'}`;
    problems.push(`${name} "${raw}" is invalid: expected an integer in ${bounds}`);
    return fallback;
  }
  return value;
}

function readBoolean(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: boolean,
  problems: string[],
): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (['1', 'true', 'yes', 'on'].includes(raw)) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(raw)) {
    return false;
  }
  problems.push(`${name} "${env[name]}" is invalid: use true or false`);
  return fallback;
}
