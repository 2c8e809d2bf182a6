import { loadLaunchPolicy } from '@laurel/policy';
import { entitlementOutcome } from './entitlement-outcome.util';

describe('entitlementOutcome', () => {
  const sut = entitlementOutcome;

  it('obligates the grant the policy gives a first-time winner', () => {
    expect(sut(loadLaunchPolicy('inner-mongolia'), { tier: 'award', applicantKind: 'organisation' }, 0)).toMatchObject({
      action: 'obligate',
      fen: 100_000_000,
      basis: '第十八条',
    });
  });

  it('refuses a repeat grant citing the article (inner-mongolia 第十八条)', () => {
    const outcome = sut(loadLaunchPolicy('inner-mongolia'), { tier: 'award', applicantKind: 'organisation' }, 1);

    expect(outcome).toMatchObject({ action: 'refuse', basis: '第十八条' });
    expect(outcome.reason.zh).toContain('第十八条');
  });

  it('pays a repeat winner where the regulation does not bar it (xinzhou-city)', () => {
    expect(sut(loadLaunchPolicy('xinzhou-city'), { tier: 'award', applicantKind: 'individual' }, 1)).toMatchObject({
      action: 'obligate',
      fen: 3_000_000,
    });
  });

  it('records nothing owed for a tier without money and leaves an unstated amount to the office', () => {
    expect(
      sut(loadLaunchPolicy('xinzhou-city'), { tier: 'nomination', applicantKind: 'organisation' }, 0),
    ).toMatchObject({ action: 'record-nothing-owed', fen: 0 });
    expect(sut(loadLaunchPolicy('ili'), { tier: 'award', applicantKind: 'organisation' }, 0)).toMatchObject({
      action: 'record-undecided',
      fen: null,
    });
  });

  it('leaves a capped prize (不超过) undecided, naming the cap, for a decision within it', () => {
    const capped = structuredClone(loadLaunchPolicy('xinzhou-city'));
    const [award] = capped.tiers;
    if (award) (award.money as { amountIs?: object }).amountIs = { individual: 'cap' };

    const outcome = sut(capped, { tier: 'award', applicantKind: 'individual' }, 0);

    expect(outcome).toMatchObject({ action: 'record-undecided', fen: null });
    expect(outcome.reason.zh).toContain('不超过30,000.00元');
  });
});
