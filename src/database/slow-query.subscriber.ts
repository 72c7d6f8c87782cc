import { type AfterQueryEvent, type EntitySubscriberInterface, EventSubscriber } from 'typeorm';

/** Statements slower than this are logged as warnings. */
export const SLOW_QUERY_MS = 1000;

/**
 * Reports statements slower than SLOW_QUERY_MS through the data source's logger. TypeORM's own
 * slow-query report shares its threshold with the MySQL statement timeout, so the server keeps
 * the two apart: the timeout is set per driver and this subscriber reports slow statements.
 */
@EventSubscriber()
export class SlowQuerySubscriber implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    const time = event.executionTime ?? 0;
    if (event.success && time > SLOW_QUERY_MS) {
      event.connection.logger.logQuerySlow(time, event.query, undefined, event.queryRunner);
    }
  }
}
