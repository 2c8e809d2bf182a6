import { clearanceDepartments } from './clearance-departments.util';
import { loadLaunchPolicy } from './policy-loader.service';

describe('clearanceDepartments', () => {
  it('asks public security about everyone, and by category the departments xinzhou-city 第十八条 names', () => {
    const policy = loadLaunchPolicy('xinzhou-city');
    const enterprise = clearanceDepartments(policy, 'enterprise');
    const publicBody = clearanceDepartments(policy, 'public_body');

    expect(enterprise?.departments.map((d) => d.key)).toEqual([
      'public_security',
      'human_resources',
      'ecology_environment',
      'emergency_management',
      'market_regulation',
      'taxation',
    ]);
    expect(publicBody?.departments.map((d) => d.key)).toEqual([
      'public_security',
      'discipline_inspection',
      'personnel',
    ]);
    expect(enterprise).toMatchObject({ stage: 'clearance', basis: '第十八条', othersByOffice: true });
  });

  it('leaves the departments to the office where the text names none (linxia 第二十一条)', () => {
    expect(clearanceDepartments(loadLaunchPolicy('linxia'), 'enterprise')).toEqual({
      stage: 'proposed_winners',
      basis: '第二十一条',
      departments: [],
      othersByOffice: true,
    });
  });

  it('inner-mongolia 第十三条: the industry departments at the re-check, before review, named by the office', () => {
    expect(clearanceDepartments(loadLaunchPolicy('inner-mongolia'), 'enterprise')).toEqual({
      stage: 'acceptance',
      basis: '第十三条',
      departments: [],
      othersByOffice: true,
    });
  });

  it('answers null where the policy asks for no clearance', () => {
    expect(clearanceDepartments(loadLaunchPolicy('ili'), 'enterprise')).toBeNull();
  });
});
