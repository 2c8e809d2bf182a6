import ExcelJS from 'exceljs';

/** A column of an exported table: the row's key, its header (as the reader's system expects it) and a width. */
export interface XlsxColumn<Row> {
  readonly key: keyof Row & string;
  readonly header: string;
  readonly width?: number;
  /** A number format for the column's cells, e.g. `#,##0.00` for amounts in yuan with two decimals. */
  readonly numFmt?: string;
}

export interface XlsxTable<Row> {
  readonly sheet: string;
  readonly columns: readonly XlsxColumn<Row>[];
  readonly rows: readonly Row[];
}

/** The MIME type of an .xlsx file. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMULA_LIKE = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return: CSV/formula
 * injection) is written with a leading apostrophe, so it is shown as the text it is. Numbers and dates pass as they are.
 */
export function escapeCell(value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  const text = String(value);
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/**
 * The one way the platform writes a spreadsheet: one sheet, a bold header row, every text cell escaped
 * (`escapeCell`), no formulas ever. Returns the .xlsx file's bytes.
 */
export async function writeXlsx<Row>(table: XlsxTable<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Laurel';
  const sheet = workbook.addWorksheet(table.sheet);
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width ?? 20,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const values: Record<string, unknown> = {};
    for (const column of table.columns) values[column.key] = escapeCell(row[column.key]);
    sheet.addRow(values);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads the first sheet of an .xlsx file back as rows of cell texts (header row first): for tests and checks. */
export async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push(cell.formula ? `=${cell.formula}` : cell.text);
    });
    rows.push(cells);
  });
  return rows;
}
