import { CommandReceipts, decodeResult, deriveKey, encodeResult, sealReceipt, unsealReceipt } from './command-receipts';

describe('a transaction result as a command receipt keeps it', () => {
  it('keeps dates, big integers, bytes and nesting through JSON', () => {
    const result = {
      id: 'a',
      at: new Date('2026-03-02T02:00:00.000Z'),
      seq: 12345678901234567890n,
      bytes: Buffer.from('證書'),
      rows: [{ on: new Date('2026-03-03T00:00:00.000Z'), lastDay: '2026-03-09' }],
      none: null,
    };
    const decoded = decodeResult(JSON.parse(encodeResult(result))) as typeof result;
    expect(decoded).toEqual(result);
    expect(decoded.at).toBeInstanceOf(Date);
    expect(decoded.rows[0]?.lastDay).toBe('2026-03-09');
  });

  it('records a transaction that answers nothing as null', () => {
    expect(decodeResult(JSON.parse(encodeResult(undefined)))).toBeNull();
  });

  it('derives keys that differ by every part', () => {
    expect(deriveKey('k', 'a.b', '0')).not.toBe(deriveKey('k', 'a.b', '1'));
    expect(deriveKey('k', 'a.b', '0')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a sealed receipt', () => {
  it('opens with the same command key only', () => {
    const sealed = sealReceipt('key-a', '{"name":"张三"}');
    expect(sealed).not.toContain('张三');
    expect(unsealReceipt('key-a', sealed)).toBe('{"name":"张三"}');
    expect(() => unsealReceipt('key-b', sealed)).toThrow();
  });
});

describe('the slots of a command’s transactions', () => {
  const recording = () =>
    CommandReceipts.recording({ key: 'k', subject: 's.t.u', tenantId: null, replaying: null, records: true });
  const read = async (tx: string) => `read ${tx}`;
  const write = async (tx: string) => `write ${tx}`;
  const warmUp = async (tx: string) => `cache ${tx}`;

  it('keeps a transaction’s slot when another attempt runs one more elsewhere', () => {
    const first = recording();
    const slots = [CommandReceipts.slotOf(first, read), CommandReceipts.slotOf(first, write)];
    const again = recording();
    CommandReceipts.slotOf(again, warmUp);
    expect([CommandReceipts.slotOf(again, read), CommandReceipts.slotOf(again, write)]).toEqual(slots);
  });

  it('numbers the transactions of one site in the order they begin', () => {
    const first = recording();
    const a = CommandReceipts.slotOf(first, read);
    const b = CommandReceipts.slotOf(first, read);
    expect(a).not.toBe(b);
    expect(first.transactions).toBe(2);
  });
});
