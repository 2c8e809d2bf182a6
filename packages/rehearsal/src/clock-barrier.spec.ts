import { ClockBarrier } from './clock-barrier';
import { GatewayClient, type Json } from './gateway-client';

/** A gateway whose clock moves wherever it is asked, each move answering one step that fired `fired` deadlines. */
class FakeGateway extends GatewayClient {
  now = new Date('2026-03-02T02:00:00.000Z');
  readonly asked: string[] = [];

  constructor(private readonly fired = 2) {
    super('http://fake');
  }

  override async expect(_status: number, method: string, _route: string, options: { body?: unknown } = {}) {
    if (method === 'POST') {
      const to = (options.body as { to: string }).to;
      this.asked.push(to);
      this.now = new Date(to);
      return { now: to, steps: [{ at: to, fired: this.fired, firedWithinMs: 40 }] } as Json;
    }
    return { now: this.now.toISOString() } as Json;
  }
}

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 2));

describe('the clock barrier of many cycles', () => {
  it('moves once every running cycle waits, to the earliest time asked, and releases only those it reached', async () => {
    const gateway = new FakeGateway();
    const barrier = new ClockBarrier(gateway, () => 'token');
    await barrier.read();
    barrier.join();
    barrier.join();
    const order: string[] = [];
    const a = barrier.request(at(5)).then(() => order.push('a'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(gateway.asked).toEqual([]); // the second cycle has not asked yet
    const b = barrier.request(at(3)).then(() => order.push('b'));
    await b;
    expect(gateway.asked).toEqual([at(3).toISOString()]);
    expect(order).toEqual(['b']); // a still waits for the 5th
    barrier.leave(); // b's cycle ends: a no longer waits for it
    await a;
    expect(gateway.asked).toEqual([at(3).toISOString(), at(5).toISOString()]);
    expect(barrier.moves.map((m) => [m.released, m.fired, m.maxLagMs])).toEqual([
      [1, 2, 40],
      [1, 2, 40],
    ]);
  });

  it('answers at once a time the clock has already reached, and releases every cycle that asked the same time', async () => {
    const gateway = new FakeGateway(0);
    const barrier = new ClockBarrier(gateway, () => 'token');
    await barrier.read();
    expect(await barrier.request(at(1))).toEqual(at(2));
    barrier.join();
    barrier.join();
    const both = await Promise.all([barrier.request(at(4)), barrier.request(at(4))]);
    expect(both).toEqual([at(4), at(4)]);
    expect(gateway.asked).toEqual([at(4).toISOString()]);
  });
});
