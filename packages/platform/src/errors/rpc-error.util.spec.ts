import { ErrorReporter } from './error-reporter';
import { toErrorShape } from './rpc-error.util';

describe('toErrorShape', () => {
  beforeEach(() => jest.spyOn(ErrorReporter, 'report').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('a value PostgreSQL refused (SQLSTATE class 22, however wrapped) is the caller’s 400, not a 500', () => {
    const wrapped = Object.assign(new Error('Value out of range for the type'), {
      code: 'P2020',
      meta: { driverAdapterError: { cause: { originalCode: '22003', kind: 'postgres' } } },
    });
    const driver = Object.assign(new Error('invalid byte sequence'), { cause: { code: '22021' } });
    const json = Object.assign(new Error('failed'), {
      meta: { driverAdapterError: { cause: { originalCode: '22P05' } } },
    });
    for (const error of [wrapped, driver, json]) expect(toErrorShape(error, 'test').code).toBe('validation_failed');
  });

  it('anything else is internal', () => {
    expect(toErrorShape(Object.assign(new Error('deadlock'), { code: '40P01' }), 'test').code).toBe('internal');
    expect(toErrorShape(new Error('boom'), 'test').code).toBe('internal');
  });
});
