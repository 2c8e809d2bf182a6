import { execFile } from 'node:child_process';

/**
 * The text a PDF reader extracts from `pdf`, page by page (pdf.js through unpdf). unpdf loads pdf.js as an ES
 * module, which jest's CommonJS runtime cannot import, so it runs in a plain node child: the same reader a
 * user's browser uses, outside the test's module system.
 */
export function extractPdfText(pdf: Buffer | Uint8Array): Promise<{ pages: number; text: string[] }> {
  const script = `
    import { extractText, getDocumentProxy } from 'unpdf';
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const proxy = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
    const { totalPages, text } = await extractText(proxy, { mergePages: false });
    process.stdout.write(JSON.stringify({ pages: totalPages, text }));
  `;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`extracting PDF text failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as { pages: number; text: string[] });
      },
    );
    child.stdin?.end(Buffer.from(pdf));
  });
}

/** The extracted text of all pages with whitespace removed (pdf.js splits CJK runs with spaces and newlines). */
export async function extractPdfTextCompact(pdf: Buffer | Uint8Array): Promise<{ pages: number; text: string }> {
  const { pages, text } = await extractPdfText(pdf);
  return { pages, text: text.join('').replace(/\s+/g, '') };
}
