import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { PASSWORD_LENGTH } from '../auth/password';

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
      /** Queue and timeout limits of the pool; DEFAULT_MYSQL_POOL_LIMITS when absent. */
      limits?: MysqlPoolLimits;
    };

/**
 * Bounds on waiting for MySQL, so that a slow or unreachable database makes requests fail with
 * a clear error instead of piling up. Times are in milliseconds.
 */
export interface MysqlPoolLimits {
  /** Requests that may wait for a free connection; more fail at once. */
  queueLimit: number;
  /** Time allowed to open a new connection. */
  connectTimeoutMs: number;
  /** Time a request may wait for a free connection from the pool. */
  acquireTimeoutMs: number;
  /** Time one SQL statement may run before its connection is dropped. */
  queryTimeoutMs: number;
}

/** Pool limits used when the environment sets none. */
export const DEFAULT_MYSQL_POOL_LIMITS: MysqlPoolLimits = {
  queueLimit: 500,
  connectTimeoutMs: 5000,
  acquireTimeoutMs: 10000,
  queryTimeoutMs: 30000,
};

/** Limits checked on every GraphQL document before it runs. */
export interface QueryLimits {
  /** Deepest nesting of fields, counted through fragments. */
  maxDepth: number;
  /** Highest estimated cost; connection fields cost their page size times their selection. */
  maxCost: number;
  /** Most selections of one field (aliased or repeated) in one selection set. */
  maxAliases: number;
  /** Most operation definitions in one document. */
  maxOperations: number;
  /** Most lexical tokens in one document; the parser stops beyond it. */
  maxTokens: number;
}

/**
 * Growing delay after failed sign-ins. After `usernameFreeAttempts` failures for a username,
 * or `addressFreeAttempts` from one client address, each further attempt must wait
 * `baseDelayMs` doubled per extra failure, at most `maxDelayMs`, after the last failure.
 */
export interface LoginThrottleSettings {
  usernameFreeAttempts: number;
  addressFreeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

/**
 * Bounds on the content of an imported spreadsheet, checked before the file is parsed in full,
 * by the importIndicators mutation and the command-line import alike.
 */
export interface ImportLimits {
  /** Largest content after unpacking, in bytes: an .xlsx's parts together, or a CSV file. */
  maxUnpackedBytes: number;
  /** Maximum number of data rows: rows after the header that contain any value. */
  maxRows: number;
}

/**
 * Import limits used when the environment sets none. An .xlsx of the template at the
 * mutation's 72 KiB unpacks to about 1 MB (1000 rows of 32 columns as ExcelJS 4.4 writes
 * them), and 3000 such rows to 2.5-5 MB, depending on the length of the texts.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUnpackedBytes: 4 * 1024 * 1024,
  maxRows: 5000,
};

/** Browser origins allowed to call the API, and the source of the client address. */
export interface HttpSettings {
  /** Origins allowed to call the API cross-origin; empty allows none. */
  corsOrigins: string[];
  /** Take the client address from the last X-Forwarded-For entry (one trusted proxy). */
  trustProxy: boolean;
}

/**
 * Server family behind a mysql:// URL. TypeORM reads MariaDB's catalogue differently, so the
 * server's version decides when the URL does not (mariadb:// names MariaDB outright).
 */
export type MysqlFlavor = 'mysql' | 'mariadb';

/** Values NODE_ENV may take; an unset or empty NODE_ENV means development. */
export const ENVIRONMENTS = ['development', 'production', 'test'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Settings read from the environment once at start. */
export interface AppConfig {
  /** NODE_ENV; "production" turns off development conveniences. */
  environment: Environment;
  isProduction: boolean;
  port: number;
  /** Address to listen on; null listens on every interface. */
  host: string | null;
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
  importLimits: ImportLimits;
  /**
   * Serve the GraphQL IDE to browsers that open the endpoint (GRAPHQL_IDE); on by default
   * outside production and off by default in production.
   */
  graphqlIde: boolean;
  /** Serve schema introspection; off in production unless GRAPHQL_INTROSPECTION is set. */
  introspection: boolean;
  /** Strip "Did you mean ...?" suggestions from error messages (production). */
  hideSuggestions: boolean;
  queryLimits: QueryLimits;
  loginThrottle: LoginThrottleSettings;
  http: HttpSettings;
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
  'HOST',
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
  'IMPORT_MAX_UNPACKED_BYTES',
  'IMPORT_MAX_ROWS',
  'GRAPHQL_IDE',
  'GRAPHQL_INTROSPECTION',
  'GRAPHQL_MAX_DEPTH',
  'GRAPHQL_MAX_COST',
  'GRAPHQL_MAX_ALIASES',
  'GRAPHQL_MAX_OPERATIONS',
  'GRAPHQL_MAX_TOKENS',
  'CORS_ORIGINS',
  'TRUST_PROXY',
  'DATABASE_POOL_QUEUE_LIMIT',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_ACQUIRE_TIMEOUT_MS',
  'DATABASE_QUERY_TIMEOUT_MS',
  'LOGIN_THROTTLE_USERNAME_FREE',
  'LOGIN_THROTTLE_ADDRESS_FREE',
  'LOGIN_THROTTLE_BASE_DELAY_MS',
  'LOGIN_THROTTLE_MAX_DELAY_MS',
  'LOGIN_THROTTLE_WINDOW_SECONDS',
] as const;
/** Largest spreadsheet whose base64 form fits a 100 KiB request body with its query. */
export const MAX_IMPORT_BYTES = 72 * 1024;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the configuration. Without DATABASE_URL the server uses an SQLite file.
 * Outside production a missing JWT_SECRET is replaced by a random one (tokens then stop working
 * at restart); in production it is an error.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const environment = readEnvironment(env, problems);
  const isProduction = environment === 'production';

  const port = readInteger(env, 'PORT', 4000, { min: 0, max: 65535 }, problems);
  const database = readDatabase(env, problems);
  // A token cannot be revoked before it expires, except by disabling its user or changing the
  // password, so its lifetime is capped at 30 days.
  const tokenTtlSeconds = readInteger(
    env,
    'TOKEN_TTL_SECONDS',
    8 * 3600,
    { min: 60, max: 30 * 24 * 3600 },
    problems,
  );
  const migrateOnStart = readBoolean(env, 'MIGRATE_ON_START', true, problems);
  const host = (env.HOST ?? '').trim() || null;
  // The demo data has known passwords, so production loads it only with SEED_DEMO=true.
  const seedDemo = readBoolean(
    env,
    'SEED_DEMO',
    database.type === 'sqlite' && !isProduction,
    problems,
  );
  const metricsEnabled = readBoolean(env, 'METRICS_ENABLED', true, problems);
  // The file travels base64-encoded (4 bytes for every 3) inside a request body of at most
  // 100 KiB, so 72 KiB is the largest file that fits; larger files go through the CLI.
  const importMaxBytes = readInteger(
    env,
    'IMPORT_MAX_BYTES',
    MAX_IMPORT_BYTES,
    { min: 1024, max: MAX_IMPORT_BYTES },
    problems,
  );
  const importLimits = readImportLimits(env, problems);
  const graphqlIde = readBoolean(env, 'GRAPHQL_IDE', !isProduction, problems);
  const demoPassword = readDemoPassword(env, problems);

  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL "${logLevel}" is invalid: use one of ${LOG_LEVELS.join(', ')}`);
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  const jwtSecretGenerated = jwtSecret === '';
  if (jwtSecretGenerated && isProduction) {
    problems.push('JWT_SECRET is missing: set it to a random string of at least 32 characters');
  } else if (!jwtSecretGenerated && jwtSecret.trim().length < 32) {
    problems.push(
      `JWT_SECRET is too short (${jwtSecret.trim().length} characters besides spaces): ` +
        'use at least 32',
    );
  }
  if (jwtSecretGenerated) {
    jwtSecret = randomBytes(32).toString('hex');
  }

  const introspection = readBoolean(env, 'GRAPHQL_INTROSPECTION', !isProduction, problems);
  const queryLimits = readQueryLimits(env, problems);
  const loginThrottle = readLoginThrottle(env, problems);
  const http = readHttpSettings(env, problems);

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return {
    environment,
    isProduction,
    port,
    host,
    database,
    migrateOnStart,
    seedDemo,
    demoPassword,
    jwtSecret,
    jwtSecretGenerated,
    tokenTtlSeconds,
    logLevel,
    metricsEnabled,
    importMaxBytes,
    importLimits,
    graphqlIde,
    introspection,
    hideSuggestions: isProduction,
    queryLimits,
    loginThrottle,
    http,
  };
}

/**
 * Reads NODE_ENV. A misspelt value such as "prod" is an error rather than development mode,
 * because development mode generates a JWT secret and turns on the IDE and introspection.
 */
function readEnvironment(env: NodeJS.ProcessEnv, problems: string[]): Environment {
  const raw = env.NODE_ENV;
  if (raw === undefined || raw === '') {
    return 'development';
  }
  const environment = ENVIRONMENTS.find((name) => name === raw);
  if (environment === undefined) {
    problems.push(
      `NODE_ENV "${raw}" is invalid: use ${ENVIRONMENTS.join(', ')}, or leave it unset for ` +
        'development',
    );
    return 'development';
  }
  return environment;
}

/** Password of every demo user when DEMO_PASSWORD is unset; the README publishes it. */
export const DEFAULT_DEMO_PASSWORD = 'lelang2019';

/** Reads DEMO_PASSWORD, which must meet the length rule of every other password. */
function readDemoPassword(env: NodeJS.ProcessEnv, problems: string[]): string {
  const password = env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const { min, max } = PASSWORD_LENGTH;
  if (password.length < min || password.length > max) {
    // The value is a password, so the message gives only its length.
    problems.push(
      `DEMO_PASSWORD is invalid: it has ${password.length} characters, and passwords need ` +
        `${min} to ${max}`,
    );
  }
  return password;
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

/**
 * Reads only the import limits, for the command-line import, which follows the server's limits
 * without needing its other settings. Throws ConfigError when they are invalid.
 */
export function loadImportLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const problems: string[] = [];
  const limits = readImportLimits(env, problems);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return limits;
}

function readImportLimits(env: NodeJS.ProcessEnv, problems: string[]): ImportLimits {
  const defaults = DEFAULT_IMPORT_LIMITS;
  return {
    maxUnpackedBytes: readInteger(
      env,
      'IMPORT_MAX_UNPACKED_BYTES',
      defaults.maxUnpackedBytes,
      { min: 64 * 1024, max: 1024 * 1024 * 1024 },
      problems,
    ),
    maxRows: readInteger(
      env,
      'IMPORT_MAX_ROWS',
      defaults.maxRows,
      { min: 1, max: 1000000 },
      problems,
    ),
  };
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
    limits: readPoolLimits(env, problems),
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

function readPoolLimits(env: NodeJS.ProcessEnv, problems: string[]): MysqlPoolLimits {
  const defaults = DEFAULT_MYSQL_POOL_LIMITS;
  const milliseconds = { min: 100, max: 600000 };
  return {
    queueLimit: readInteger(
      env,
      'DATABASE_POOL_QUEUE_LIMIT',
      defaults.queueLimit,
      { min: 1, max: 100000 },
      problems,
    ),
    connectTimeoutMs: readInteger(
      env,
      'DATABASE_CONNECT_TIMEOUT_MS',
      defaults.connectTimeoutMs,
      milliseconds,
      problems,
    ),
    acquireTimeoutMs: readInteger(
      env,
      'DATABASE_ACQUIRE_TIMEOUT_MS',
      defaults.acquireTimeoutMs,
      milliseconds,
      problems,
    ),
    queryTimeoutMs: readInteger(
      env,
      'DATABASE_QUERY_TIMEOUT_MS',
      defaults.queryTimeoutMs,
      milliseconds,
      problems,
    ),
  };
}

function readQueryLimits(env: NodeJS.ProcessEnv, problems: string[]): QueryLimits {
  const limit = (name: string, fallback: number, max: number) =>
    readInteger(env, name, fallback, { min: 1, max }, problems);
  return {
    maxDepth: limit('GRAPHQL_MAX_DEPTH', 12, 100),
    maxCost: limit('GRAPHQL_MAX_COST', 5000, 10000000),
    maxAliases: limit('GRAPHQL_MAX_ALIASES', 20, 10000),
    maxOperations: limit('GRAPHQL_MAX_OPERATIONS', 10, 1000),
    maxTokens: limit('GRAPHQL_MAX_TOKENS', 10000, 1000000),
  };
}

function readLoginThrottle(env: NodeJS.ProcessEnv, problems: string[]): LoginThrottleSettings {
  const read = (name: string, fallback: number, min: number, max: number) =>
    readInteger(env, name, fallback, { min, max }, problems);
  const settings = {
    usernameFreeAttempts: read('LOGIN_THROTTLE_USERNAME_FREE', 5, 1, 1000),
    addressFreeAttempts: read('LOGIN_THROTTLE_ADDRESS_FREE', 20, 1, 100000),
    baseDelayMs: read('LOGIN_THROTTLE_BASE_DELAY_MS', 1000, 1, 3600000),
    maxDelayMs: read('LOGIN_THROTTLE_MAX_DELAY_MS', 300000, 1, 86400000),
    windowMs: read('LOGIN_THROTTLE_WINDOW_SECONDS', 900, 1, 86400) * 1000,
  };
  if (settings.maxDelayMs < settings.baseDelayMs) {
    problems.push(
      `LOGIN_THROTTLE_MAX_DELAY_MS (${settings.maxDelayMs}) is below ` +
        `LOGIN_THROTTLE_BASE_DELAY_MS (${settings.baseDelayMs}): raise the maximum`,
    );
  }
  return settings;
}

function readHttpSettings(env: NodeJS.ProcessEnv, problems: string[]): HttpSettings {
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of corsOrigins) {
    if (!isOrigin(origin)) {
      problems.push(
        `CORS_ORIGINS entry "${origin}" is invalid: expected an origin such as ` +
          'https://app.example.go.id (scheme, host and optional port, no path)',
      );
    }
  }
  return { corsOrigins, trustProxy: readBoolean(env, 'TRUST_PROXY', false, problems) };
}

/** Checks that a string is exactly a URL origin: http(s), host and optional port. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
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
  // Plain decimal digits only: Number() would also read "0x1264", "1e9" and " 42 ".
  const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  const tooLow = range.min !== undefined && value < range.min;
  const tooHigh = range.max !== undefined && value > range.max;
  if (!Number.isSafeInteger(value) || tooLow || tooHigh) {
    problems.push(`${name} "${raw}" is invalid: expected ${describeRange(range)}`);
    return fallback;
  }
  return value;
}

/** Describes the integers a setting accepts, such as "an integer from 60 to 2592000". */
function describeRange(range: { min?: number; max?: number }): string {
  if (range.min !== undefined && range.max !== undefined) {
    return `an integer from ${range.min} to ${range.max}`;
  }
  if (range.min !== undefined) {
    return `an integer of at least ${range.min}`;
  }
  if (range.max !== undefined) {
    return `an integer of at most ${range.max}`;
  }
  return 'an integer';
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
