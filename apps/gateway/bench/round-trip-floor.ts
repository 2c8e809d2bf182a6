// The floor of one command: the round trips it is made of, each with nothing in between.
//
// A command is one HTTP request (client → gateway), one NATS request/reply (gateway → service) and one PostgreSQL
// transaction (service → database: BEGIN with the tenant setting pipelined with Prisma's insert, then the outbox row,
// the audit entry and COMMIT in one round trip, ADR 0006). The floor makes the same three, one after the other, on
// bare ends: a Fastify route answering `{ok:true}`, a NATS responder answering at once, and the same SQL statements on
// a raw `pg` connection as the same role (row-level security included), captured from a real command.
import { randomUUID } from 'node:crypto';
import { connectionFields } from '@laurel/platform';
import { connect, headers as createHeaders } from '@nats-io/transport-node';
import { Client } from 'pg';
import { BenchConnection, REQUEST_TIMEOUT_MS } from './bench-connection.util';

interface Statement {
  text: string;
  values: unknown[];
  rowMode?: string;
}

/** The statements of one command's transaction, as the service sent them. */
export interface CapturedTransaction {
  /** BEGIN and the tenant setting, one simple query written together with `first`. */
  begin: string;
  /** The first statement (Prisma's insert), with its values. */
  first: Statement;
  /** The statements after it, the last one ending with COMMIT. */
  rest: Statement[];
  /** The tenant the transaction runs for (kept on every replay). */
  tenantId: string;
  /** The other ids in them, new on every replay (the item's, the outbox row's, …). */
  freshIds: string[];
}

type QueryFn = (this: Client, ...args: unknown[]) => unknown;

/**
 * Runs `command` (one command served by a service in this process) while recording every statement `pg` sends, and
 * returns that command's transaction: the one that appends to the audit chain.
 */
export async function captureTransaction(command: () => Promise<void>): Promise<CapturedTransaction> {
  const prototype = Client.prototype as unknown as { query: QueryFn };
  const original = prototype.query;
  const sent = new Map<Client, Statement[]>();
  prototype.query = function (this: Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text?: string; values?: unknown[]; rowMode?: string }, unknown];
    const text = typeof config === 'string' ? config : config?.text;
    if (typeof text === 'string') {
      const list = sent.get(this) ?? [];
      const given = typeof config === 'object' && config.values ? config.values : values;
      list.push({
        text,
        values: Array.isArray(given) ? [...given] : [],
        rowMode: typeof config === 'object' ? config.rowMode : undefined,
      });
      sent.set(this, list);
    }
    return original.apply(this, args);
  };
  try {
    await command();
  } finally {
    prototype.query = original;
  }
  for (const statements of sent.values()) {
    const at = statements.findIndex((s) => s.text.startsWith("BEGIN; SELECT set_config('app.tenant_id'"));
    const commit = statements.findIndex((s, i) => i > at && /COMMIT\s*$/.test(s.text));
    if (at < 0 || commit < 0 || !statements.slice(at, commit + 1).some((s) => s.text.includes('audit_append')))
      continue;
    const [begin, first, ...rest] = statements.slice(at, commit + 1) as [Statement, Statement, ...Statement[]];
    const all = [begin, first, ...rest].flatMap((s) => [s.text, ...s.values.map((v) => String(v))]).join('\n');
    const ids = new Set(all.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []);
    const tenantId = /app\.tenant_id', '([0-9a-f-]{36})'/.exec(begin.text)?.[1] ?? '';
    ids.delete(tenantId);
    return { begin: begin.text, first, rest, tenantId, freshIds: [...ids] };
  }
  throw new Error('no transaction with an audit entry was seen during the captured command');
}

/** The captured statements with new ids in place of `freshIds`. */
function renewed(captured: CapturedTransaction): { first: Statement; rest: Statement[] } {
  const ids = new Map(captured.freshIds.map((id) => [id, randomUUID()]));
  const pattern = new RegExp(captured.freshIds.join('|'), 'g');
  const swap = (value: string) =>
    captured.freshIds.length === 0 ? value : value.replace(pattern, (id) => ids.get(id) ?? id);
  const statement = (s: Statement): Statement => ({
    text: swap(s.text),
    values: s.values.map((v) => (typeof v === 'string' ? swap(v) : v)),
    rowMode: s.rowMode,
  });
  return { first: statement(captured.first), rest: captured.rest.map(statement) };
}

export interface FloorEnds {
  httpUrl: string;
  natsUrl: string;
  natsSubject: string;
  natsHeaders: Record<string, string>;
  databaseUrl: string;
  databaseUser: string;
  schema: string;
  transaction: CapturedTransaction;
}

/** What a client of the floor needs: one call makes the three round trips of a command, one after the other. */
export async function floorClient(ends: FloorEnds, concurrency: number) {
  const http = await Promise.all(
    Array.from({ length: concurrency }, () => BenchConnection.open(new URL(ends.httpUrl))),
  );
  const nats = await connect({ servers: ends.natsUrl, name: 'bench-floor' });
  const database = Array.from(
    { length: concurrency },
    () =>
      new Client({
        ...connectionFields(ends.databaseUrl, { user: ends.databaseUser }),
        options: `-c search_path=${ends.schema}`,
        pipeline: true,
      } as ConstructorParameters<typeof Client>[0]),
  );
  await Promise.all(database.map((c) => c.connect()));
  const corked = (client: Client) =>
    (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;

  const call = async (w: number, n: number) => {
    await (http[w] as BenchConnection).post('/ok', JSON.stringify({ name: `bench-${n}` }), 200);
    const h = createHeaders();
    for (const [name, value] of Object.entries(ends.natsHeaders)) h.set(name, value);
    const payload = JSON.stringify({ pattern: 'probe.item.create', data: { name: `bench-${n}` }, id: randomUUID() });
    (await nats.request(ends.natsSubject, payload, { timeout: REQUEST_TIMEOUT_MS, headers: h })).json();
    const client = database[w] as Client;
    const { first, rest } = renewed(ends.transaction);
    const stream = corked(client);
    stream.cork();
    const opened = client.query(ends.transaction.begin);
    const inserted = client.query(first);
    stream.uncork();
    await opened;
    await inserted;
    for (const statement of rest) await client.query(statement);
  };
  const close = async () => {
    for (const connection of http) connection.close();
    await nats.close();
    await Promise.allSettled(database.map((c) => c.end()));
  };
  return { call, close };
}
