import { migrationFolderName } from './migration-directory.util';

describe('migrationFolderName', () => {
  const now = new Date('2026-03-04T05:06:07.890Z');

  it('is the UTC timestamp and the slugged name, as prisma migrate names folders', () => {
    const sut = migrationFolderName('Add Probe-Notes!', [], now);

    expect(sut).toBe('20260304050607_add_probe_notes');
  });

  it('comes after every existing migration even when the clock does not', () => {
    const sut = migrationFolderName('next', ['20260304050607_init', '20260304050607_more'], now);

    expect(sut).toBe('20260304050608_next');
  });

  it('refuses a name with nothing usable in it', () => {
    expect(() => migrationFolderName(' -- ', [], now)).toThrow(/not a usable migration name/);
  });
});
