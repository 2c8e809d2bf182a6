import { formatPeriod, plainBasis } from './shanghai-time';

describe('plainBasis', () => {
  it('drops the policy key of an article', () => {
    expect(plainBasis('ili 第十七条')).toBe('第十七条');
    expect(plainBasis('xinzhou-city 第十八条、第十九条')).toBe('第十八条、第十九条');
  });

  it('shows a deadline by its regulation article, not the counting rules and calendar sources behind it', () => {
    const chain =
      '民法典 第二百零一条; 民法典 第二百零三条; linxia 第十三条; 日历 2026年: chinese-days 1.5.7 (国务院办公厅通知)';

    expect(plainBasis(chain)).toBe('第十三条');
  });

  it('keeps the Civil Code rule when the chain cites no article of the regulation', () => {
    expect(plainBasis('民法典 第二百零一条; 民法典 第二百零三条; 日历 2026年: chinese-days 1.5.7')).toBe(
      '民法典 第二百零一条',
    );
  });

  it('joins several articles of the regulation', () => {
    expect(plainBasis('ili 第十条; ili 第十一条')).toBe('第十条；第十一条');
  });
});

describe('formatPeriod', () => {
  it('names the unit and the article', () => {
    expect(formatPeriod({ count: 5, unit: 'working_days', basis: 'ili 第十三条' }, 'zh')).toBe(
      '5 个工作日（第十三条）',
    );
    expect(formatPeriod({ count: 7, unit: 'calendar_days', basis: null }, 'en')).toBe('7 calendar days');
  });
});
