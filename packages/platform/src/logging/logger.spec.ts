import { Writable } from 'node:stream';
import { RequestContexts } from '../context/request-context';
import { createLogger } from './logger';

/** A logger writing into `lines`. */
function capturing() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, sut: createLogger({ service: 'test', level: 'info', destination }) };
}

describe('createLogger', () => {
  it('writes JSON with tenant and correlation id, and redacts secrets, ID numbers and phones', () => {
    const { lines, sut } = capturing();
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

  it('redacts at any depth, in any letter case, in arrays and inside errors', () => {
    const { lines, sut } = capturing();
    const failure = Object.assign(new Error('upstream refused'), {
      config: { headers: { Authorization: 'Bearer eyJsecret' } },
    });
    const shared = { name: 'kept' };
    sut.info(
      {
        err: failure,
        req: { headers: { Authorization: 'Bearer abc', 'set-cookie': ['sid=1'] } },
        body: { objectors: [{ idNumber: '110101199003074258', objectorPhone: '13800138000', name: '李四' }] },
        a: { b: { c: { d: { newPassword: 'hunter2hunter2', secretAccessKey: 'AKIA' } } } },
        left: shared,
        right: shared,
      },
      'deep',
    );
    const text = lines[0] as string;
    expect(text).not.toMatch(/eyJsecret|Bearer abc|sid=1|110101199003074258|13800138000|hunter2|AKIA/);
    const entry = JSON.parse(text);
    expect(entry.err).toMatchObject({ type: 'Error', message: 'upstream refused' });
    expect(entry.err.config.headers.Authorization).toBe('[redacted]');
    expect(entry.body.objectors[0]).toEqual({ idNumber: '[redacted]', objectorPhone: '[redacted]', name: '李四' });
    expect(entry.right).toEqual({ name: 'kept' });

    sut.error(new Error('boom'));
    expect(JSON.parse(lines[1] as string)).toMatchObject({ msg: 'boom', err: { type: 'Error', message: 'boom' } });
  });
});
