import { Writable } from 'node:stream';
import { RequestContexts } from '../context/request-context';
import { createLogger } from './logger';

describe('createLogger', () => {
  it('writes JSON with tenant and correlation id, and redacts secrets, ID numbers and phones', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const sut = createLogger({ service: 'test', level: 'info', destination });
    RequestContexts.run({ tenantId: 't-1', correlationId: 'c-1', actor: null }, () =>
      sut.info(
        {
          password: 'hunter2hunter2',
          objector: { idNumber: '110101199003074258', phone: '13800138000', name: '张三' },
          body: { user: { accessToken: 'abc' } },
        },
        'objection received',
      ),
    );
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ service: 'test', tenantId: 't-1', correlationId: 'c-1', msg: 'objection received' });
    expect(entry.password).toBe('[redacted]');
    expect(entry.objector).toEqual({ idNumber: '[redacted]', phone: '[redacted]', name: '张三' });
    expect(entry.body.user.accessToken).toBe('[redacted]');
    expect(lines[0]).not.toMatch(/110101199003074258|13800138000|hunter2/);
  });
});
