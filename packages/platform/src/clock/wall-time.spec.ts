import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * One clock for the whole platform: production code takes the time from `Clock` (the platform's, virtual on a
 * rehearsal platform) or `WALL_CLOCK` (real time, for tokens and operational timestamps), and measures durations with
 * `performance.now()`. Nothing else reads the machine's time.
 */
const ROOT = path.resolve(__dirname, '../../../..');

/** Files that may read the machine's time, and why. */
const ALLOWED: Record<string, string> = {
  'packages/platform/src/clock/clock.ts': 'SystemClock: the one place the machine’s time is read',
  'apps/web/src/api/session-store.ts':
    'the browser refreshes its access token before it expires: tokens run on real time, also on a rehearsal platform (ADR 0017)',
};

/** `Date.now()`, `new Date()` without arguments, and `Date()` called as a function. */
const WALL_TIME = /\bDate\.now\s*\(|\bnew\s+Date\s*\(\s*\)|(?<![\w.$]|new\s)Date\s*\(\s*\)/;

const isTest = (file: string) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' || name === 'node_modules' ? [] : sources(full);
    return full.endsWith('.ts') && !isTest(full) ? [full] : [];
  });
}

/** The production source trees: every app's and package's `src`, except the test harness (`packages/testing`). */
function productionSources(): string[] {
  return ['apps', 'packages'].flatMap((group) =>
    readdirSync(path.join(ROOT, group))
      .filter((name) => !(group === 'packages' && name === 'testing'))
      .map((name) => path.join(ROOT, group, name, 'src'))
      .filter((src) => statSync(src, { throwIfNoEntry: false })?.isDirectory())
      .flatMap(sources),
  );
}

/** Lines reading the machine's time, outside comments. */
function offending(source: string): string[] {
  return source
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && !line.startsWith('/*'))
    .filter(({ line }) => WALL_TIME.test(line.replace(/\/\/.*$/, '')))
    .map(({ line, number }) => `${number}: ${line}`);
}

describe('the machine’s time', () => {
  it('is read only through the clock in production code', () => {
    const files = productionSources();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      if (relative in ALLOWED) return [];
      return offending(readFileSync(file, 'utf8')).map((line) => `${relative}:${line}`);
    });
    expect(found).toEqual([]);
  });

  it('is found where it is read', () => {
    expect(offending('const a = Date.now();')).toHaveLength(1);
    expect(offending('const a = new Date();')).toHaveLength(1);
    expect(offending('const a = new Date( );')).toHaveLength(1);
    expect(offending('const a = String(Date());')).toHaveLength(1);
    expect(offending('const a = new Date(row.at);')).toEqual([]);
    expect(offending('const a = this.clock.now();')).toEqual([]);
    expect(offending('// never Date.now()')).toEqual([]);
    expect(offending(' * a comment on new Date()')).toEqual([]);
  });

  it('is allowed only where it is still read', () => {
    for (const file of Object.keys(ALLOWED)) {
      expect([file, offending(readFileSync(path.join(ROOT, file), 'utf8')).length]).not.toEqual([file, 0]);
    }
  });
});
