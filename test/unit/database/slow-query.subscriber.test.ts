import type { AfterQueryEvent } from 'typeorm';
import { SLOW_QUERY_MS, SlowQuerySubscriber } from '../../../src/database/slow-query.subscriber';

function eventOf(executionTime: number, success = true) {
  const logQuerySlow = jest.fn();
  const event = {
    success,
    executionTime,
    query: 'SELECT 1',
    connection: { logger: { logQuerySlow } },
    queryRunner: undefined,
  } as unknown as AfterQueryEvent;
  return { event, logQuerySlow };
}

describe('SlowQuerySubscriber', () => {
  test('slow statement is reported', () => {
    const { event, logQuerySlow } = eventOf(SLOW_QUERY_MS + 1);
    new SlowQuerySubscriber().afterQuery(event);
    expect(logQuerySlow).toHaveBeenCalledWith(SLOW_QUERY_MS + 1, 'SELECT 1', undefined, undefined);
  });

  test('fast statement is not reported', () => {
    const { event, logQuerySlow } = eventOf(SLOW_QUERY_MS);
    new SlowQuerySubscriber().afterQuery(event);
    expect(logQuerySlow).not.toHaveBeenCalled();
  });

  test('failed statement is not reported', () => {
    const { event, logQuerySlow } = eventOf(SLOW_QUERY_MS * 5, false);
    new SlowQuerySubscriber().afterQuery(event);
    expect(logQuerySlow).not.toHaveBeenCalled();
  });
});
