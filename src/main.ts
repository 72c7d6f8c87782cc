import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './logging/logger';
import { startApp } from './server/app';

/** How long a stop may take before the process exits anyway, in milliseconds. */
const SHUTDOWN_TIMEOUT_MS = 15000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }

  const log = createLogger({
    level: config.logLevel,
    pretty: !config.isProduction && process.stdout.isTTY === true,
  });
  if (config.jwtSecretGenerated) {
    log.warn('JWT_SECRET is not set: using a random secret, so tokens stop working at restart');
  }

  // Operators send SIGTERM to this process id, because under npm start a SIGTERM to npm ends npm
  // and its shell but not this process.
  log.info(
    {
      environment: config.environment,
      port: config.port,
      node: process.version,
      pid: process.pid,
    },
    'server starting',
  );
  let app;
  try {
    app = await startApp(config, log);
  } catch (error) {
    log.fatal({ err: error }, 'server failed to start');
    process.exit(1);
  }
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    setTimeout(() => {
      log.error('stop timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Server failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
