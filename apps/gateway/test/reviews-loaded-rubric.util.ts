/**
 * A rubric body as the office would load it from a standard's text. TEST DATA ONLY: the categories, items and points
 * below are made up to exercise the checks and are NOT DB14/T 1463's or 1464's (whose text is not available here).
 */
export function testRubricBody(standard: string, appliesTo: ('organisation' | 'individual')[]) {
  return {
    standard,
    title: { zh: `测试用评分标准（${standard}）`, en: `Test rubric (${standard})` },
    appliesTo,
    step: 1,
    total: 100,
    categories: [
      {
        key: 'part-a',
        clause: '测试-1',
        name: { zh: '测试类目一', en: 'Test category one' },
        points: 60,
        items: [
          { key: 't1.1', clause: '测试-1.1', name: { zh: '测试项一', en: 'Test item one' }, points: 40 },
          { key: 't1.2', clause: '测试-1.2', name: { zh: '测试项二', en: 'Test item two' }, points: 20 },
        ],
      },
      {
        key: 'part-b',
        clause: '测试-2',
        name: { zh: '测试类目二', en: 'Test category two' },
        points: 40,
        items: [{ key: 't2.1', clause: '测试-2.1', name: { zh: '测试项三', en: 'Test item three' }, points: 40 }],
      },
    ],
    source: { document: `${standard}（测试数据，非标准原文）`, citation: '测试用表 1', url: null },
    note: null,
  };
}
