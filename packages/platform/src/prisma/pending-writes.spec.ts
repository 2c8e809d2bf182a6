import { escapeLiteral } from 'pg';
import { sqlLiteral } from './pending-writes';

describe('sqlLiteral', () => {
  it.each([
    ['plain', 'abc'],
    ['quotes', `it's "quoted" ''`],
    ['backslashes', 'a\\b\\\\c'],
    ['both', `{"name":"O'Brien \\"x\\"","path":"C:\\\\dir"}`],
    ['chinese', '质量奖 第十九条'],
    ['empty', ''],
  ])('writes %s as pg escapeLiteral does', (_name, value) => {
    expect(sqlLiteral(value)).toBe(escapeLiteral(value));
  });
});
