import { AsyncLocalStorage } from 'node:async_hooks';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * A command sent with a client's Idempotency-Key, as the service remembers it (`command_receipt`): what each of the
 * command's transactions answered, written in the round trip that commits it, and the command's answer once given.
 *
 * The gateway replays an answer it has stored; but an instance that dies after its commit and before its answer leaves
 * the gateway without one, and the client's retry would do the command again. The receipt closes that gap: a retry whose
 * answer was given is answered from it; one whose answer was lost runs the handler again with each transaction that
 * had committed answered from the receipt instead of run, so the command's effects happen once and its answer is
 * computed as the first time (ADR "several instances of each service").
 */
export interface CommandReceipt {
  /** Each committed transaction's result, by its slot in the command (`slotOf`), as `encodeResult` wrote it, parsed. */
  results: Record<string, unknown>;
  /** The command's answer, once given. */
  answer: unknown;
  answered: boolean;
}

/** Where receipts are kept: the service's database (set by the runtime). */
export interface CommandReceiptStore {
  find(key: string, subject: string): Promise<CommandReceipt | null>;
  answer(key: string, subject: string, answer: unknown): Promise<void>;
}

/** One command under way with a key: its receipt, and how many transactions and calls it has begun. */
export interface CommandRecording {
  readonly key: string;
  readonly subject: string;
  readonly tenantId: string | null;
  /** The receipt of an earlier attempt whose answer was lost: its committed transactions are not run again. */
  readonly replaying: CommandReceipt | null;
  /** Whether its transactions are recorded (a service's command), or only its calls numbered (a gateway route). */
  readonly records: boolean;
  transactions: number;
  /** Transactions begun, by the site that began them (`slotOf`). */
  readonly sites: Map<string, number>;
  /** Calls to other services by subject: each gets a key of its own, the same on every attempt. */
  readonly calls: Map<string, number>;
}

const storage = new AsyncLocalStorage<CommandRecording>();
/** Each service's store, by service (the first segment of its subjects): tests run several services in one process. */
const stores = new Map<string, CommandReceiptStore>();

const DATE = '$laurel:date';
const BIGINT = '$laurel:bigint';
const BYTES = '$laurel:bytes';

/** JSON of a transaction's result that keeps dates, big integers and bytes (what Prisma answers) as they were. */
export function encodeResult(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value, function (this: Record<string, unknown>, key, encoded) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE]: raw.toISOString() };
    if (typeof raw === 'bigint') return { [BIGINT]: raw.toString() };
    if (raw instanceof Uint8Array) return { [BYTES]: Buffer.from(raw).toString('base64') };
    return encoded;
  });
}

/** The value `encodeResult` encoded (already parsed from JSON). */
export function decodeResult(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeResult);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (typeof object[DATE] === 'string') return new Date(object[DATE] as string);
  if (typeof object[BIGINT] === 'string') return BigInt(object[BIGINT] as string);
  if (typeof object[BYTES] === 'string') return Buffer.from(object[BYTES] as string, 'base64');
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, decodeResult(v)]));
}

/** A key derived from `key` for one purpose (the n-th call of a subject): hex SHA-256. */
export const deriveKey = (...parts: string[]): string => createHash('sha256').update(parts.join('\n')).digest('hex');

/**
 * Receipts hold what commands answered — personal data among it — so they are sealed (AES-256-GCM) under a key derived
 * from the command key, and found by another hash of it: the database alone reads none of them, only a retry that
 * presents the same command key (which only the gateway derives, from the caller and its Idempotency-Key).
 */
export const receiptId = (commandKey: string): string => deriveKey('command-receipt-id', commandKey);

const sealingKey = (commandKey: string) => createHash('sha256').update(`command-receipt-seal\n${commandKey}`).digest();

/** `text` sealed for the receipt of `commandKey`: base64 of IV, tag and ciphertext. */
export function sealReceipt(commandKey: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(commandKey), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** What `sealReceipt` sealed (throws if it was sealed under another key or altered). */
export function unsealReceipt(commandKey: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(commandKey), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

export const CommandReceipts = {
  /** A service runtime's store (null: forget it); a service without one does not record its commands. */
  use(service: string, receipts: CommandReceiptStore | null): void {
    if (receipts) stores.set(service, receipts);
    else stores.delete(service);
  },

  /** A recording of a command's handler (or, not recording transactions, of a gateway route). */
  recording(fields: Omit<CommandRecording, 'transactions' | 'sites' | 'calls'>): CommandRecording {
    return { ...fields, transactions: 0, sites: new Map(), calls: new Map() };
  },

  /**
   * The slot of a transaction the command begins with `fn`: the site that began it (the function's source, the same
   * for every closure made there) and its number among that site's transactions. A transaction one attempt runs and the
   * other does not (a cache warm in one instance and cold in the other) does not shift the others' slots.
   */
  slotOf(recording: CommandRecording, fn: (...args: never[]) => unknown): string {
    const site = deriveKey(fn.toString()).slice(0, 16);
    const n = recording.sites.get(site) ?? 0;
    recording.sites.set(site, n + 1);
    recording.transactions += 1;
    return `${site}.${n}`;
  },

  run<T>(recording: CommandRecording, fn: () => T): T {
    return storage.run(recording, fn);
  },

  current(): CommandRecording | undefined {
    return storage.getStore();
  },

  /**
   * The key a call to `subject` carries: derived from the command's key and the call's number among the command's
   * calls of that subject, so that a retried command's calls find their own receipts in the other service.
   */
  keyForCall(key: string, subject: string): string {
    const recording = storage.getStore();
    if (!recording || recording.key !== key) return deriveKey(key, subject, '0');
    const n = recording.calls.get(subject) ?? 0;
    recording.calls.set(subject, n + 1);
    return deriveKey(key, subject, String(n));
  },
};

/** A result that could not be encoded: a replay refuses rather than run its transaction a second time. */
export const UNRECORDABLE = { '$laurel:unrecordable': true } as const;

/**
 * Runs a command's handler under its key: answers the receipt's answer when the command was answered before; else runs
 * it (replaying what an earlier attempt committed) and records its answer. Without a store, just runs it.
 */
export async function runRecorded(
  key: string,
  subject: string,
  tenantId: string | null,
  handler: () => Promise<unknown>,
  answerOf: (result: unknown) => unknown,
): Promise<unknown> {
  const receipts = stores.get(subject.split('.')[0] as string);
  if (!receipts) return answerOf(await handler());
  const receipt = await receipts.find(key, subject);
  if (receipt?.answered) return answerOf(receipt.answer);
  const recording = CommandReceipts.recording({ key, subject, tenantId, replaying: receipt, records: true });
  const answer = answerOf(await CommandReceipts.run(recording, handler));
  // Only a command that committed something has a receipt to complete; if this fails, a retry replays instead.
  if (recording.transactions > 0) await receipts.answer(key, subject, answer).catch(() => undefined);
  return answer;
}
