import type { CertificateVerdict, CertificateVerification, TitleStatus } from '@laurel/contracts';

/**
 * What the public page says, read from the title's state (the database is the truth): a title held (active, under
 * re-evaluation, rectifying) is valid; one that expired, was lost at re-evaluation (linxia 第五条) or revoked says so.
 */
export function certificateVerdict(status: TitleStatus): CertificateVerdict {
  switch (status) {
    case 'active':
    case 'under_re_evaluation':
    case 'rectifying':
      return 'valid';
    case 'expired':
      return 'expired';
    case 'lost':
      return 'lost';
    case 'revoked':
      return 'revoked';
  }
}

/**
 * The name the public page shows. An organisation's name is public (it is on the commendation decision and the
 * notices). An individual's is shown as the surname with the given name masked (张** for 张三丰): enough to compare
 * with the certificate in hand, not a list of people's names (ADR "certificate verification").
 */
export function publicHolderName(kind: 'organisation' | 'individual', name: string): string {
  if (kind === 'organisation') return name;
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return '*';
  return `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

type Decision = NonNullable<CertificateVerification['decision']>;

/**
 * The decision that ended the title, from its last change of state: the revocation (its body and 文号 once the
 * revocation case records them: `revocation` fills them) or the loss at re-evaluation.
 */
export function endingDecision(
  status: TitleStatus,
  change: { at: string; basis: string } | undefined,
  revocation: { body: string; documentNumber: string; decidedOn: string; basis: string } | null,
): Decision | null {
  if (status === 'revoked') {
    if (revocation) return { kind: 'revocation', ...revocation };
    return change
      ? { kind: 'revocation', body: null, documentNumber: null, decidedOn: change.at, basis: change.basis }
      : null;
  }
  if (status === 'lost' && change) {
    return {
      kind: 'lost_at_re_evaluation',
      body: null,
      documentNumber: null,
      decidedOn: change.at,
      basis: change.basis,
    };
  }
  return null;
}
