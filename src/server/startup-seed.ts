import { type DataSource } from 'typeorm';
import { DEFAULT_DEMO_PASSWORD } from '../config/config';
import { Plan } from '../entities';
import type { Logger } from '../logging/logger';
import { seedDemoData } from '../seed/demo-seed';
import type { Services } from '../services';

/**
 * Loads the demo data set into a database without plans and logs how to sign in. A database
 * that already holds a plan is left untouched, so restarts never duplicate or overwrite data.
 */
export async function seedIfEmpty(
  dataSource: DataSource,
  services: Services,
  demoPassword: string,
  log: Logger,
): Promise<void> {
  if ((await dataSource.manager.count(Plan)) > 0) {
    log.info('database already holds data; demo data not loaded');
    return;
  }
  const summary = await seedDemoData(dataSource, services, demoPassword);
  log.info(
    {
      users: summary.usernames,
      passwordHint:
        demoPassword === DEFAULT_DEMO_PASSWORD
          ? `${DEFAULT_DEMO_PASSWORD}, the default DEMO_PASSWORD`
          : 'the DEMO_PASSWORD you set',
    },
    `demo data loaded: ${summary.description}. Sign in with mutation { login(input: ` +
      `{ username: "admin", password: "<DEMO_PASSWORD>" }) { token } } and send the token as ` +
      '"Authorization: Bearer <token>"',
  );
}
