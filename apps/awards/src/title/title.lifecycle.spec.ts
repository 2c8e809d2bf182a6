import { TITLE_HOLDING_STATES, TITLE_LIFECYCLE, TITLE_TERMINAL, titleTransitionOf } from './title.lifecycle';

describe('title lifecycle', () => {
  it('grants a new title as active, and only a new one', () => {
    expect(titleTransitionOf('grant', null)?.to).toBe('active');
    expect(titleTransitionOf('grant', 'active')).toBeUndefined();
  });

  it('expires or re-evaluates an active title; re-evaluation keeps, rectifies or loses it (linxia 第五条)', () => {
    expect(titleTransitionOf('expire', 'active')?.to).toBe('expired');
    expect(titleTransitionOf('open_re_evaluation', 'active')?.to).toBe('under_re_evaluation');
    expect(titleTransitionOf('keep', 'under_re_evaluation')?.to).toBe('active');
    expect(titleTransitionOf('require_rectification', 'under_re_evaluation')?.to).toBe('rectifying');
    expect(titleTransitionOf('confirm_rectification', 'rectifying')?.to).toBe('active');
    expect(titleTransitionOf('lose', 'rectifying')?.to).toBe('lost');
    expect(titleTransitionOf('keep', 'active')).toBeUndefined();
    expect(titleTransitionOf('expire', 'revoked')).toBeUndefined();
  });

  it('revokes any title not already revoked or lost, expired ones included', () => {
    expect(titleTransitionOf('revoke', 'expired')?.to).toBe('revoked');
    expect(titleTransitionOf('revoke', 'revoked')).toBeUndefined();
    expect(titleTransitionOf('revoke', 'lost')).toBeUndefined();
  });

  it('ends in revoked or lost, and is held only while not ended or expired', () => {
    expect([...TITLE_TERMINAL].sort()).toEqual(['lost', 'revoked']);
    expect(TITLE_HOLDING_STATES).not.toContain('expired');
    expect(TITLE_LIFECYCLE.filter((row) => !row.byPerson).map((row) => row.action)).toEqual([
      'expire',
      'open_re_evaluation',
    ]);
  });
});
