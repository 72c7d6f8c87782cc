import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { type AppConfig, loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { startApp, type RunningApp } from '../../src/server/app';
import { postGraphQL, type GraphQLResponse, type RequestOptions } from './graphql-client';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Secret used by every test server, 32+ characters as the configuration requires. */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

/** A log line the server wrote, parsed. */
export type LogLine = Record<string, any>;

/** A running server on its own empty database, with helpers to talk to it. */
export interface TestServer {
  app: RunningApp;
  url: string;
  logs: LogLine[];
  /** Sends an operation, optionally as a signed-in user. */
  request<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Signs in over the API and returns the bearer token; fails the test on bad credentials. */
  login(username: string, password?: string): Promise<string>;
  /** Sends an operation and returns how many SQL statements the server sent for it. */
  countStatements(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<number>;
  close(): Promise<void>;
}

/** Password of the users that fixtures create. */
export const TEST_PASSWORD = 'correct-horse-battery';

/**
 * Starts the real server on a fresh database of the current jest project (SQLite or MySQL) on
 * a free port, logging JSON into memory through the production logger (at `logLevel`, info
 * by default) so tests can read what it logged. `database` overrides the scratch database's
 * settings, for example to add read replicas.
 */
export async function startTestServer(
  overrides: Partial<AppConfig> = {},
  given?: TestDatabase,
): Promise<TestServer> {
  const database = given ?? (await createTestDatabase());
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line);
        logs.push(entry);
        // Errors the server logged explain a failing test, so they reach the test output.
        if (entry.level >= 50) {
          process.stderr.write(`server error log: ${line}\n`);
        }
      }
      done();
    },
  });
  const log = createLogger({ level: overrides.logLevel ?? 'info', pretty: false }, sink);

  const config: AppConfig = {
    // Settings not named here keep the defaults a server reads from an empty environment.
    ...loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET }),
    environment: 'test',
    isProduction: false,
    port: 0,
    database: database.config,
    migrateOnStart: true,
    seedDemo: false,
    demoPassword: TEST_PASSWORD,
    jwtSecret: TEST_JWT_SECRET,
    jwtSecretGenerated: false,
    tokenTtlSeconds: 3600,
    logLevel: 'info',
    metricsEnabled: true,
    graphqlIde: true,
    ...overrides,
  };
  const app = await startApp(config, log);

  const server: TestServer = {
    app,
    url: app.url,
    logs,
    request: (query, variables = {}, options = {}) =>
      postGraphQL(app.url, query, variables, options),
    async login(username, password = TEST_PASSWORD) {
      const response = await server.request(
        'mutation ($input: LoginInput!) { login(input: $input) { token } }',
        { input: { username, password } },
      );
      const token = response.data?.login?.token;
      if (!token) {
        throw new Error(`login failed for ${username}: ${JSON.stringify(response.errors)}`);
      }
      return token as string;
    },
    async countStatements(query, variables, token) {
      const requestId = randomUUID();
      const response = await server.request(query, variables, { token, requestId });
      if (response.errors) {
        throw new Error(`query failed: ${JSON.stringify(response.errors)}`);
      }
      const line = logs.find(
        (entry) => entry.requestId === requestId && entry.msg === 'graphql request',
      );
      if (!line) {
        throw new Error('the server logged no request line for the query');
      }
      return line.sqlStatements as number;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
  return server;
}
