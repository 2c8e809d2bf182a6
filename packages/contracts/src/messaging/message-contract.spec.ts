import { z } from 'zod';
import { defineEvent, owningService } from './event-contract';
import { defineCommand, defineQuery } from './message-contract';

describe('contracts', () => {
  it('names commands and queries <service>.<aggregate>.<verb>, tenant-scoped by default', () => {
    const sut = defineCommand('applications.application.submit', { request: z.object({}), response: z.object({}) });
    expect(sut).toMatchObject({ subject: 'applications.application.submit', kind: 'command', scope: 'tenant' });
    expect(
      defineQuery('awards.cycle.get', { scope: 'platform', request: z.object({}), response: z.object({}) }).scope,
    ).toBe('platform');
    expect(() => defineCommand('applications.submit', { request: z.object({}), response: z.object({}) })).toThrow(
      /<service>.<aggregate>.<verb>/,
    );
  });

  it('names events in the past tense with a version', () => {
    expect(defineEvent('objections.objection.upheld.v1', z.object({})).subject).toBe('objections.objection.upheld.v1');
    expect(() => defineEvent('objections.objection.upheld', z.object({}))).toThrow(/v<N>/);
    expect(owningService('objections.objection.upheld.v1')).toBe('objections');
  });
});
