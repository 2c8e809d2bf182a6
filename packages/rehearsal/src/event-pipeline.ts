import { testConfig, withAdmin } from '@laurel/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type Answer, GatewayClient, type Json } from './gateway-client';

/** The services that keep an outbox, an inbox and an audit chain (the gateway too). */
export const SCHEMAS = ['gateway', 'awards', 'objections', 'applications', 'reviews', 'funds'] as const;

/** A client of several gateways: each call goes to the next one in turn, as a load balancer would send it. */
export class RoundRobinClient extends GatewayClient {
  private next = 0;

  constructor(readonly urls: string[]) {
    super(urls[0] as string);
  }

  override call(method: string, route: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
    const url = this.urls[this.next++ % this.urls.length] as string;
    return new GatewayClient(url).call(method, route, options);
  }
}

/**
 * A write with an `Idempotency-Key` to one gateway (a POST, or the `method` given); a refused connection (a gateway that
 * is down) answers status 0.
 */
export async function keyedPost(
  url: string,
  route: string,
  token: string | undefined,
  key: string,
  body: Json,
  method: 'POST' | 'PUT' = 'POST',
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': key };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const response = await fetch(`${url}/api/v1${route}`, {
      method,
      headers,
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  } catch (error) {
    return { status: 0, body: { error: String(error) } };
  }
}

/** Runs a query on the platform's database. */
export const query = <R = Json>(database: string, sql: string, values: unknown[] = []): Promise<R[]> =>
  withAdmin(async (client) => (await client.query(sql, values)).rows as R[], database);

/** What the event pipeline of one service looks like from the outside: its outbox and its JetStream stream. */
export interface PipelineCounts {
  schema: string;
  outboxRows: number;
  unpublished: number;
  streamMessages: number;
}

/** Each service's outbox rows (and how many are unpublished) against the messages its JetStream stream holds. */
export async function pipelineCounts(
  database: string,
  prefix: string,
  natsUrl = testConfig.LAUREL_TEST_NATS_URL,
): Promise<PipelineCounts[]> {
  const nats = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nats);
    const counts: PipelineCounts[] = [];
    for (const schema of SCHEMAS) {
      const [row] = await query<{ rows: string; unpublished: string }>(
        database,
        `SELECT count(*) AS rows, count(*) FILTER (WHERE published_at IS NULL) AS unpublished FROM "${schema}".outbox_message`,
      );
      const stream = `${prefix}_events_${schema}`;
      const info = await jsm.streams.info(stream).catch(() => null);
      counts.push({
        schema,
        outboxRows: Number(row?.rows),
        unpublished: Number(row?.unpublished),
        streamMessages: info?.state.messages ?? 0,
      });
    }
    return counts;
  } finally {
    await nats.close();
  }
}

/** Every durable consumer's backlog: what is still to be delivered or acknowledged. */
export async function consumerBacklogs(
  prefix: string,
  natsUrl = testConfig.LAUREL_TEST_NATS_URL,
): Promise<{ consumer: string; pending: number; unacked: number }[]> {
  const nats = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nats);
    const backlogs: { consumer: string; pending: number; unacked: number }[] = [];
    for (const schema of SCHEMAS) {
      const stream = `${prefix}_events_${schema}`;
      if (!(await jsm.streams.info(stream).catch(() => null))) continue;
      for await (const consumer of jsm.consumers.list(stream)) {
        backlogs.push({ consumer: consumer.name, pending: consumer.num_pending, unacked: consumer.num_ack_pending });
      }
    }
    return backlogs;
  } finally {
    await nats.close();
  }
}

/**
 * Every event a consumer handled against the events of its subject in the producer's outbox: handled once each (the
 * inbox's key), none missed. Answers one line per consumer that handled anything.
 */
export async function inboxAgainstOutbox(
  database: string,
): Promise<{ consumer: string; subject: string; handled: number; published: number }[]> {
  const lines: { consumer: string; subject: string; handled: number; published: number }[] = [];
  for (const schema of SCHEMAS) {
    const handled = await query<{ consumer: string; subject: string; n: string }>(
      database,
      `SELECT consumer, subject, count(*) AS n FROM "${schema}".inbox_message GROUP BY consumer, subject`,
    );
    for (const line of handled) {
      const owner = line.subject.split('.')[0] as string;
      const [published] = await query<{ n: string }>(
        database,
        `SELECT count(*) AS n FROM "${owner}".outbox_message WHERE subject = $1`,
        [line.subject],
      );
      lines.push({
        consumer: line.consumer,
        subject: line.subject,
        handled: Number(line.n),
        published: Number(published?.n),
      });
    }
  }
  return lines;
}
