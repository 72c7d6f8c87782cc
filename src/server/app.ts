import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { type DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { openDataSource } from '../database/data-source';
import { loadIdeAssets } from '../ide/ide-assets';
import { ideLandingPagePlugin } from '../ide/ide-landing-page.plugin';
import type { Logger } from '../logging/logger';
import { buildApiSchema } from '../schema/build-schema';
import type { GraphQLContext } from '../schema/context';
import { createServices, type Services } from '../services';
import { createContextFactory } from './context-factory';
import { createErrorFormatter } from './format-error';
import { createMetrics, type Metrics } from '../metrics/metrics';
import { createHttpHandler, GRAPHQL_PATH, type ReadinessCheck } from './http-handler';
import { describeListenAddress, urlHost } from './listen-address';
import { metricsPlugin } from './metrics.plugin';
import { queryLimitsPlugin } from './query-limits.plugin';
import { requestLogPlugin } from './request-log.plugin';
import { warnAboutDemoUsers, warnIfNoUsers } from './startup-checks';
import { seedIfEmpty } from './startup-seed';
import { unavailableStatusPlugin } from './unavailable-status.plugin';

/** Maximum time /ready waits for the database before it reports not ready. */
const READINESS_TIMEOUT_MS = 2000;

/** A started server and the parts tests and tools reach into. */
export interface RunningApp {
  /**
   * GraphQL endpoint for clients on this machine, for example http://127.0.0.1:4000/graphql. A
   * server listening on every interface is reached through 127.0.0.1.
   */
  url: string;
  port: number;
  dataSource: DataSource;
  services: Services;
  metrics: Metrics;
  /** Stops taking requests, lets in-flight ones finish, and closes the database pool. */
  close: () => Promise<void>;
}

/**
 * Starts the whole server: connects to the database, applies pending migrations (unless turned
 * off), loads the demo data into an empty database when asked to, warns when nobody can sign in
 * or when demo users exist in production, and listens on the port.
 */
export async function startApp(config: AppConfig, log: Logger): Promise<RunningApp> {
  const dataSource = await openDatabase(config, log);
  try {
    const services = createServices(dataSource, {
      tokens: { secret: config.jwtSecret, ttlSeconds: config.tokenTtlSeconds },
      loginThrottle: config.loginThrottle,
      importLimits: config.importLimits,
      log,
    });
    if (config.seedDemo) {
      await seedIfEmpty(dataSource, services, config.demoPassword, log);
    }
    await runStartupCheck(log, () => warnIfNoUsers(dataSource, log));
    if (config.isProduction) {
      await runStartupCheck(log, () => warnAboutDemoUsers(dataSource, config.demoPassword, log));
    }
    return await listen(config, log, dataSource, services);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/**
 * Runs a check that only logs advice. A failure, such as a missing table while migrations are
 * pending, is logged and does not stop the start.
 */
async function runStartupCheck(log: Logger, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    log.warn({ err: error }, 'start-up check failed; the server starts anyway');
  }
}

async function openDatabase(config: AppConfig, log: Logger): Promise<DataSource> {
  if (config.database.type === 'sqlite') {
    mkdirSync(path.dirname(config.database.path), { recursive: true });
  }
  const dataSource = await openDataSource(config.database, log);
  log.info({ database: describeDatabase(config) }, 'database connected');

  if (config.migrateOnStart) {
    log.info('applying pending migrations');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    log.info({ applied: applied.map((migration) => migration.name) }, 'migrations applied');
  } else if (await dataSource.showMigrations()) {
    log.warn('pending migrations exist and MIGRATE_ON_START is off: run npm run migration:run');
  }
  return dataSource;
}

async function listen(
  config: AppConfig,
  log: Logger,
  dataSource: DataSource,
  services: Services,
): Promise<RunningApp> {
  const httpServer: Server = createServer();
  const metrics = createMetrics(dataSource);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildApiSchema(),
    formatError: createErrorFormatter(log, { hideSuggestions: config.hideSuggestions }),
    includeStacktraceInErrorResponses: false,
    // The IDE reads the schema through introspection, so turning the IDE on turns
    // introspection on with it.
    introspection: config.introspection || config.graphqlIde,
    logger: log,
    // Both are Apollo Server's defaults, stated so that a change of default cannot open them:
    // an HTTP request runs one operation, and browsers cannot send simple cross-site requests.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.queryLimits.maxTokens },
    // main.ts stops the whole server on SIGTERM and SIGINT. Apollo Server's own handlers
    // (on by default outside NODE_ENV=test) would re-raise the signal after stopping Apollo,
    // ending the process before the database pool is closed.
    stopOnTerminationSignals: false,
    plugins: [
      requestLogPlugin(log),
      queryLimitsPlugin(config.queryLimits),
      unavailableStatusPlugin(),
      metricsPlugin(metrics),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Traces for Apollo's hosted reporting add work to every federated request; this server
      // runs on networks without access to that service.
      ApolloServerPluginInlineTraceDisabled(),
      // The schema declares no cache hints, so the cache control plugin's hook on every
      // resolved field only costs time. The HTTP handler marks every response as not storable.
      ApolloServerPluginCacheControlDisabled(),
      config.graphqlIde
        ? ideLandingPagePlugin(GRAPHQL_PATH)
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  let stopping = false;
  httpServer.on(
    'request',
    createHttpHandler({
      apollo,
      createContext: createContextFactory(dataSource, services, config, log),
      readiness: checkReadiness(dataSource, log, () => stopping),
      assets: config.graphqlIde ? loadIdeAssets() : new Map(),
      log,
      metrics: config.metricsEnabled ? exposeMetrics(metrics) : undefined,
      corsOrigins: config.http.corsOrigins,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host ?? undefined, () => resolve());
  });

  const address = httpServer.address() as AddressInfo;
  const port = address.port;
  const url = `http://${urlHost(address.address)}:${port}/graphql`;
  log.info(describeListenAddress(address), 'server listening');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      stopping = true;
      await apollo.stop();
      log.info('in-flight requests finished; closing the database pool');
      await dataSource.destroy();
      log.info('server stopped');
    })();
    return closing;
  };
  return { url, port, dataSource, services, metrics, close };
}

/**
 * Reports ready while the primary database responds within READINESS_TIMEOUT_MS and every
 * migration is applied, and not ready from the moment the server starts stopping. A change of
 * readiness is logged once, not on every probe, so a load balancer polling a broken server
 * does not flood the log.
 */
function checkReadiness(
  dataSource: DataSource,
  log: Logger,
  isStopping: () => boolean,
): ReadinessCheck {
  let wasReady = true;
  const report = (ready: boolean, detail: string, error?: unknown) => {
    if (ready !== wasReady) {
      if (ready) {
        log.info({ detail }, 'server ready again');
      } else {
        log.warn({ err: error, detail }, 'server not ready');
      }
    }
    wasReady = ready;
    return { ready, detail };
  };
  const check = async () => {
    await dataSource.query('SELECT 1');
    const pending = await dataSource.showMigrations();
    return pending
      ? report(false, 'pending migrations: run npm run migration:run')
      : report(true, 'database reachable, migrations applied');
  };
  return async () => {
    if (isStopping()) {
      return { ready: false, detail: 'server is stopping' };
    }
    try {
      return await withTimeout(check(), READINESS_TIMEOUT_MS);
    } catch (error) {
      return report(false, `database unreachable: ${(error as Error).message}`, error);
    }
  };
}

function exposeMetrics(metrics: Metrics) {
  return async () => ({
    contentType: metrics.registry.contentType,
    body: await metrics.registry.metrics(),
  });
}

/** Resolves like `work`, or rejects once `milliseconds` have passed without an outcome. */
function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describeDatabase(config: AppConfig): string {
  if (config.database.type === 'sqlite') {
    return `SQLite file ${config.database.path}`;
  }
  const url = new URL(config.database.url);
  return `MySQL ${url.hostname}:${url.port || 3306}${url.pathname}`;
}
