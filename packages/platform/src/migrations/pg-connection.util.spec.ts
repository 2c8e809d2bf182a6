import { parsePgConnection, toPgConfig, withDatabase } from './pg-connection.util';

describe('parsePgConnection', () => {
  it('splits a URL into discrete fields', () => {
    const sut = parsePgConnection('postgresql://laurel:p%40ss@db.example:6543/laurel?sslmode=require');

    expect(sut).toEqual({
      host: 'db.example',
      port: 6543,
      user: 'laurel',
      password: 'p@ss',
      database: 'laurel',
      ssl: true,
    });
  });

  it('defaults the port and has no password when none is given', () => {
    const sut = parsePgConnection('postgresql://postgres@127.0.0.1/laurel');

    expect(sut).toEqual({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'laurel' });
  });

  it('refuses ?schema= (the runner sets each service schema) and URLs without a database', () => {
    expect(() => parsePgConnection('postgresql://postgres@127.0.0.1/laurel?schema=x')).toThrow(/"schema"/);
    expect(() => parsePgConnection('postgresql://postgres@127.0.0.1')).toThrow(/no database/);
  });

  it('gives pg a config with the search path and another database on request', () => {
    const connection = parsePgConnection('postgresql://postgres@127.0.0.1:5432/laurel');

    const sut = toPgConfig(withDatabase(connection, 'laurel_shadow_x'), '"probe"');

    expect(sut).toEqual({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: 'laurel_shadow_x',
      options: '-c search_path="probe"',
    });
  });
});
