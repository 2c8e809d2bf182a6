import { escapeCell, readXlsx, writeXlsx } from './xlsx-table';

describe('escapeCell', () => {
  it.each(['=1+1', '+86 10', '-2', '@SUM(A1)', '\tx', '\rx'])('escapes %j', (text) => {
    expect(escapeCell(text)).toBe(`'${text}`);
  });

  it('leaves plain text, numbers and empty cells alone', () => {
    expect(escapeCell('新疆 第二十八条')).toBe('新疆 第二十八条');
    expect(escapeCell(12)).toBe(12);
    expect(escapeCell(null)).toBeNull();
  });
});

describe('writeXlsx', () => {
  it('writes a sheet that reads back with its header, Chinese text and no formula', async () => {
    const bytes = await writeXlsx({
      sheet: '信用记录',
      columns: [
        { key: 'name', header: '名称' },
        { key: 'note', header: '备注' },
      ],
      rows: [{ name: '伊犁某公司', note: '=HYPERLINK("http://x","y")' }],
    });
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const rows = await readXlsx(bytes);
    expect(rows).toEqual([
      ['名称', '备注'],
      ['伊犁某公司', `'=HYPERLINK("http://x","y")`],
    ]);
  });
});
