import net from 'node:net';

/** How long one request may take before the load counts it as failed. */
export const REQUEST_TIMEOUT_MS = 10000;

/**
 * A keep-alive HTTP/1.1 connection that sends one POST at a time and reads the answer by its content-length: a load
 * generator as lean as `wrk`'s, so that the figures are the server's rather than `node:http`'s client (which cost
 * about as much CPU as a bare Fastify server answering it).
 */
export class BenchConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { expect: number; resolve: (body: string) => void; reject: (error: Error) => void } | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static open(base: URL): Promise<BenchConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(base.port), base.hostname, () => resolve(new BenchConnection(socket)));
      socket.once('error', reject);
    });
  }

  post(path: string, body: string, expect: number, headers: Record<string, string> = {}): Promise<string> {
    return this.send(
      [
        `POST ${path} HTTP/1.1`,
        'host: 127.0.0.1',
        'content-type: application/json',
        `content-length: ${Buffer.byteLength(body)}`,
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ],
      body,
      expect,
    );
  }

  /** A GET (the public reads of `npm run bench:public`). */
  get(path: string, expect: number, headers: Record<string, string> = {}): Promise<string> {
    return this.send(
      [
        `GET ${path} HTTP/1.1`,
        'host: 127.0.0.1',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ],
      '',
      expect,
    );
  }

  private send(head: string[], body: string, expect: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('HTTP request timed out')), REQUEST_TIMEOUT_MS);
      const settle =
        <T>(then: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          then(value);
        };
      this.pending = { expect, resolve: settle(resolve), reject: settle(reject) };
      this.socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.pending) return;
    const head = this.buffer.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) {
      this.fail(new Error(`response without content-length: ${head.slice(0, 200)}`));
      return;
    }
    const end = headEnd + 4 + Number(length[1]);
    if (this.buffer.length < end) return;
    const body = this.buffer.subarray(headEnd + 4, end).toString();
    this.buffer = this.buffer.subarray(end);
    const status = Number(head.slice(9, 12));
    const { expect, resolve, reject } = this.pending;
    this.pending = null;
    if (status === expect) resolve(body);
    else reject(new Error(`HTTP ${status}: ${body.slice(0, 300)}`));
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
