import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPolicyKeys } from './launch-policy-keys.util';
import { launchPoliciesDirectory, loadLaunchPolicies, loadPolicyFile, PolicyLoadError } from './policy-loader.service';

describe('policy loader', () => {
  it('loads the five launch policies in order', () => {
    const sut = loadLaunchPolicies;

    expect(sut().map((policy) => policy.key)).toEqual([...launchPolicyKeys]);
  });

  it('finds the policies folder next to src/ when run from src/', () => {
    expect(launchPoliciesDirectory()).toBe(join(__dirname, '..', 'policies'));
  });

  it('throws every problem of a bad file', () => {
    const file = join(tmpdir(), `laurel-policy-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, key: 'Bad Key' }));

    const sut = () => loadPolicyFile(file);

    expect(sut).toThrow(PolicyLoadError);
    try {
      sut();
    } catch (error) {
      expect(error instanceof PolicyLoadError && error.problems.length).toBeGreaterThan(5);
    }
  });

  it('throws on a file that is not JSON', () => {
    const file = join(tmpdir(), `laurel-policy-${process.pid}.txt`);
    writeFileSync(file, 'not json');

    expect(() => loadPolicyFile(file)).toThrow(/cannot read JSON/);
  });
});
