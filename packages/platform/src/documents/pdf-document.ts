import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * The platform's one way to produce a PDF (certificates, demand letters): pdfkit with Noto Sans SC from an npm
 * package, so a fresh machine needs no system font and Chinese text is real text in the file (pdfkit embeds the
 * glyphs used, with a ToUnicode map, so the text can be extracted and searched). QR codes come from `qrcode`.
 *
 * A document is data: a title, blocks in order, a footer on every page. Rendering is pure (no I/O but the font,
 * read once), so the same spec gives the same text.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align?: 'left' | 'center' | 'right' | 'justify' }
  /** Rows of cells; with `header`, the first row is bold. Columns share the width evenly unless `widths` (points). */
  | { kind: 'table'; rows: string[][]; header?: boolean; widths?: number[] }
  /** A QR code of `value` (usually a public URL), `size` points square, with an optional caption under it. */
  | { kind: 'qr'; value: string; size?: number; caption?: string }
  | { kind: 'space'; lines?: number };

export interface PdfDocumentSpec {
  title: string;
  /** Under the title, smaller (e.g. a certificate number). */
  subtitle?: string;
  blocks: PdfBlock[];
  /** Printed at the bottom of every page. */
  footer?: string;
  /** The PDF's metadata: Title is `title`; Subject/Author/Keywords when given. */
  info?: { subject?: string; author?: string; keywords?: string };
  /** The document's creation date in its metadata: the service clock's now, never the machine's (a rehearsal prints its own date). */
  createdAt: Date;
}

const REGULAR = 'NotoSansSC-Regular';
const BOLD = 'NotoSansSC-Bold';
const MARGIN = 56;

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** The two weights, read once from @expo-google-fonts/noto-sans-sc. */
export function cjkFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    fonts = {
      regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
      bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
    };
  }
  return fonts;
}

/** Renders the spec to PDF bytes. */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const qrImages = await renderQrImages(spec.blocks);
  const { regular, bold } = cjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 24, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: documentInfo(spec),
  });
  const done = collect(doc);
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  const width = doc.page.width - MARGIN * 2;

  doc.font(BOLD).fontSize(22).text(spec.title, { align: 'center', width });
  if (spec.subtitle)
    doc.moveDown(0.3).font(REGULAR).fontSize(11).fillColor('#555555').text(spec.subtitle, { align: 'center', width });
  doc.fillColor('#000000').moveDown(1);

  let qrIndex = 0;
  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(0.5).font(BOLD).fontSize(14).text(block.text, { width });
        doc.moveDown(0.3);
        break;
      case 'paragraph':
        doc
          .font(REGULAR)
          .fontSize(11)
          .text(block.text, { width, align: block.align ?? 'left', lineGap: 3 });
        doc.moveDown(0.4);
        break;
      case 'table':
        drawTable(doc, block, width);
        break;
      case 'qr': {
        const size = block.size ?? 110;
        const image = qrImages[qrIndex++];
        if (!image) throw new Error('a QR block without its rendered image');
        if (doc.y + size + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const x = MARGIN + (width - size) / 2;
        const y = doc.y;
        doc.image(image, x, y, { width: size, height: size });
        doc.y = y + size + 4;
        if (block.caption) doc.font(REGULAR).fontSize(9).text(block.caption, MARGIN, doc.y, { width, align: 'center' });
        doc.moveDown(0.5);
        break;
      }
      case 'space':
        doc.moveDown(block.lines ?? 1);
        break;
    }
  }

  if (spec.footer) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font(REGULAR)
        .fontSize(8)
        .fillColor('#666666')
        .text(`${spec.footer}  ·  ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN, {
          width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
  }
  doc.end();
  return done;
}

/** pdfkit reads every key it is given, so absent fields are left out rather than set to undefined. */
function documentInfo(spec: PdfDocumentSpec): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = {
    Title: spec.title,
    Producer: 'Laurel',
    Creator: 'Laurel',
    CreationDate: spec.createdAt,
  };
  if (spec.info?.subject) info.Subject = spec.info.subject;
  if (spec.info?.author) info.Author = spec.info.author;
  if (spec.info?.keywords) info.Keywords = spec.info.keywords;
  return info;
}

function drawTable(doc: PDFKit.PDFDocument, block: Extract<PdfBlock, { kind: 'table' }>, width: number): void {
  const columns = Math.max(1, ...block.rows.map((row) => row.length));
  const widths = block.widths ?? Array.from({ length: columns }, () => width / columns);
  const padding = 4;
  doc.fontSize(10);
  block.rows.forEach((row, rowIndex) => {
    const font = block.header && rowIndex === 0 ? BOLD : REGULAR;
    doc.font(font);
    const height =
      Math.max(...widths.map((w, i) => doc.heightOfString(row[i] ?? '', { width: w - padding * 2 }))) + padding * 2;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    widths.forEach((w, i) => {
      doc.lineWidth(0.5).strokeColor('#999999').rect(x, y, w, height).stroke();
      doc.fillColor('#000000').text(row[i] ?? '', x + padding, y + padding, { width: w - padding * 2 });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + height;
  });
  doc.moveDown(0.6);
}

async function renderQrImages(blocks: PdfBlock[]): Promise<Buffer[]> {
  const images: Buffer[] = [];
  for (const block of blocks) {
    if (block.kind === 'qr')
      images.push(await QRCode.toBuffer(block.value, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 8 }));
  }
  return images;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
