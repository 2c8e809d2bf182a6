import { certificateVerdict, endingDecision, publicHolderName } from './certificate-verdict.util';

describe('certificate verdicts', () => {
  it('a title held is valid; expired, lost and revoked say so', () => {
    expect(certificateVerdict('active')).toBe('valid');
    expect(certificateVerdict('under_re_evaluation')).toBe('valid');
    expect(certificateVerdict('rectifying')).toBe('valid');
    expect(certificateVerdict('expired')).toBe('expired');
    expect(certificateVerdict('lost')).toBe('lost');
    expect(certificateVerdict('revoked')).toBe('revoked');
  });

  it("shows an organisation in full and masks an individual's given name", () => {
    expect(publicHolderName('organisation', '临夏州某某机械有限公司')).toBe('临夏州某某机械有限公司');
    expect(publicHolderName('individual', '张三丰')).toBe('张**');
    expect(publicHolderName('individual', '欧阳修')).toBe('欧**');
    expect(publicHolderName('individual', '李')).toBe('*');
  });

  it("names the revocation: its body and 文号 when recorded, else the state change's date and article", () => {
    const change = { at: '2027-03-01', basis: '第二十八条' };
    expect(endingDecision('revoked', change, null)).toEqual({
      kind: 'revocation',
      body: null,
      documentNumber: null,
      decidedOn: '2027-03-01',
      basis: '第二十八条',
    });
    expect(
      endingDecision('revoked', change, {
        body: '伊犁州人民政府',
        documentNumber: '伊州政发〔2027〕3号',
        decidedOn: '2027-02-27',
        basis: '第二十八条',
      }),
    ).toMatchObject({ body: '伊犁州人民政府', documentNumber: '伊州政发〔2027〕3号' });
    expect(endingDecision('lost', { at: '2031-04-01', basis: '第五条' }, null)).toMatchObject({
      kind: 'lost_at_re_evaluation',
      basis: '第五条',
    });
    expect(endingDecision('active', change, null)).toBeNull();
  });
});
