import { option, unknownFlag } from './cli-args';

describe('command-line arguments', () => {
  const known = { valued: ['tenants', 'policy'], switches: ['keep'] };

  it('reads a value given either way', () => {
    expect(option(['--tenants', '5'], 'tenants')).toBe('5');
    expect(option(['--tenants=5'], 'tenants')).toBe('5');
    expect(option(['--keep'], 'tenants')).toBeUndefined();
  });

  it('refuses a mistyped or unknown flag, and a switch given a value', () => {
    expect(unknownFlag(['--tenants', '5', '--keep'], known)).toBeNull();
    expect(unknownFlag(['--tenant', '5'], known)).toBe('unknown argument "--tenant"');
    expect(unknownFlag(['--keep=yes'], known)).toBe('unknown argument "--keep=yes"');
    expect(unknownFlag(['moumou-city', '--policy=x.json'], known)).toBeNull();
  });
});
