import { VirtualClock } from './virtual-clock';

describe('VirtualClock', () => {
  it('answers its provisional start, unknown, until it learns the shared time', () => {
    const sut = new VirtualClock(new Date('2026-09-28T02:00:00Z'));
    expect(sut.known).toBe(false);
    expect(sut.now().toISOString()).toBe('2026-09-28T02:00:00.000Z');
    // The stored time may be earlier than the provisional start: it is the truth.
    expect(sut.set(new Date('2026-01-05T01:00:00Z'))).toBe(true);
    expect(sut.known).toBe(true);
    expect(sut.now().toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('is frozen between moves and moves forward only once known', () => {
    const sut = new VirtualClock(new Date('2026-09-28T02:00:00Z'));
    sut.set(new Date('2026-10-01T00:00:00Z'));
    expect(sut.now().getTime()).toBe(sut.now().getTime());
    expect(sut.set(new Date('2026-09-30T00:00:00Z'))).toBe(false);
    expect(sut.now().toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(sut.set(new Date('2026-10-02T00:00:00Z'))).toBe(true);
    expect(sut.now().toISOString()).toBe('2026-10-02T00:00:00.000Z');
  });

  it('hands out copies, not its own time', () => {
    const sut = new VirtualClock(new Date('2026-09-28T02:00:00Z'));
    sut.now().setUTCFullYear(2030);
    expect(sut.now().toISOString()).toBe('2026-09-28T02:00:00.000Z');
  });
});
