import { WorkingDayCalendar } from '@laurel/calendar';
import type { NatsConnection } from '@nats-io/transport-node';
import pino from 'pino';
import { SubjectNamespace } from '../nats/subject-namespace';
import { CalendarProvider } from './calendar-provider.service';

const nats = { subscribe: () => ({ unsubscribe: () => undefined }) } as unknown as NatsConnection;
const logger = pino({ level: 'silent' });
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('CalendarProvider', () => {
  let sut: CalendarProvider | undefined;
  afterEach(() => sut?.stop());

  it('serves the built-in calendar while the gateway is not up, then loads it and recomputes', async () => {
    let attempts = 0;
    const loader = async () => {
      attempts++;
      if (attempts < 3) throw new Error('The gateway service is unavailable');
      return [];
    };
    const recomputedOn: string[] = [];
    sut = new CalendarProvider(loader, nats, new SubjectNamespace('t'), logger, { firstMs: 5, maxMs: 20 });
    sut.addRecomputer(async (calendar) => {
      recomputedOn.push(calendar.id);
      return [];
    });
    await sut.start();
    expect(sut.calendar.id).toBe(WorkingDayCalendar.builtIn().id);
    expect(recomputedOn).toHaveLength(1);
    await until(() => recomputedOn.length === 2);
    expect(attempts).toBe(3);
    expect(recomputedOn).toHaveLength(2);
  });

  it('stops retrying once stopped', async () => {
    let attempts = 0;
    sut = new CalendarProvider(
      async () => {
        attempts++;
        throw new Error('down');
      },
      nats,
      new SubjectNamespace('t'),
      logger,
      { firstMs: 5, maxMs: 5 },
    );
    await sut.start();
    sut.stop();
    const seen = attempts;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(attempts).toBe(seen);
  });
});
