/** A public objector and their evidence, as the rehearsal's writes send them (chaos traffic, several instances). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const PDF = {
  filename: 'evidence.pdf',
  contentType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
};
/** An objector as ili's text asks (第十八条): named, reachable, identified, signed. */
export const OBJECTOR = {
  kind: 'person',
  phone: '13812345678',
  address: '伊宁市解放路 1 号',
  idNumber: '11010519491231002X',
  identityProof: { filename: 'id.png', contentType: 'image/png', contentBase64: PNG },
  signature: { filename: 'signature.png', contentType: 'image/png', contentBase64: PNG },
};
