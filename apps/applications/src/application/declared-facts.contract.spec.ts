import { declaredIncidentKindSchema } from '@laurel/contracts';
import { incidentKindSchema } from '@laurel/policy';

// The contracts package cannot depend on the policy package, so the incident kinds an applicant may declare are
// written in both. This service reads the one through the other: they must stay the same list.
describe('declared incident kinds', () => {
  it('are exactly the kinds the policy evaluator judges', () => {
    expect([...declaredIncidentKindSchema.options].sort()).toEqual([...incidentKindSchema.options].sort());
  });
});
