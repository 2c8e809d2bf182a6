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

describe('writeXlsx number formats', () => {
  it('gives a column’s cells its number format (amounts in yuan with two decimals) and keeps the number', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const bytes = await writeXlsx({
      sheet: '对账单',
      columns: [
        { key: 'amount', header: '金额（元）', numFmt: '#,##0.00' },
        { key: 'reference', header: '凭证号' },
      ],
      rows: [{ amount: 1234.5, reference: '=HYPERLINK("x")' }],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A2').value).toBe(1234.5);
    expect(sheet?.getCell('A2').numFmt).toBe('#,##0.00');
    expect(sheet?.getCell('B2').value).toBe('\'=HYPERLINK("x")');
  });
});
