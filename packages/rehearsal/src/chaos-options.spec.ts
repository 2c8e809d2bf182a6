import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chaosOptions } from './chaos-options';

describe('the options of npm run chaos', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'laurel-chaos-options-'));
  const bin = path.join(dir, 'nats-server');
  writeFileSync(bin, '#!/bin/sh\n', { mode: 0o755 });
  const text = path.join(dir, 'notes.txt');
  writeFileSync(text, 'x', { mode: 0o644 });

  it('takes the numbers, the logs directory and the nats-server as flags, with or without =', () => {
    expect(chaosOptions(['--kills', '8', '--minutes=1.5', '--logs', dir, `--nats-server=${bin}`])).toEqual({
      kills: 8,
      minutes: 1.5,
      clients: 6,
      logs: path.join(dir, 'chaos-apps.log'),
      natsServer: bin,
    });
    expect(chaosOptions(['--nats-server', 'nats-server'], dir)).toMatchObject({ natsServer: bin, kills: 100 });
  });

  it('answers a clear error for a bad flag or value', () => {
    expect(chaosOptions(['--kills', '0', '--nats-server', bin])).toBe('--kills must be a positive number, not "0"');
    expect(chaosOptions(['--clients', '4', '--nats-server', bin])).toBe(
      '--clients must be a whole number of at least 5, not 4',
    );
    expect(chaosOptions(['--logs', '--kills', '8'])).toBe('--logs needs a value');
    expect(chaosOptions(['--kill', '8'])).toBe('unknown argument "--kill"');
    expect(chaosOptions(['--kills', '8', '--kills', '9'])).toBe('--kills is given twice');
    expect(chaosOptions(['--nats-server', text])).toBe(
      `--nats-server: ${text} is not an executable file (install nats-server, or name one)`,
    );
    expect(chaosOptions(['--nats-server', bin, '--logs', text])).toBe(`--logs: ${text} is not a directory`);
    expect(chaosOptions(['--nats-server', bin, '--logs', path.join(dir, 'none')])).toBe(
      `--logs: ${path.join(dir, 'none')} is not a directory this user can write to`,
    );
  });
});
