import {
  certificateDocument,
  certificateGet,
  certificateHoldings,
  certificateIssue,
  certificateVerify,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { CertificateService } from './certificate.service';

@Controller()
export class CertificateHandler {
  constructor(private readonly certificates: CertificateService) {}

  @Handles(certificateIssue)
  issue(request: { titleId: string }) {
    return this.certificates.issue(request.titleId);
  }

  @Handles(certificateGet)
  get(request: { titleId: string }) {
    return this.certificates.get(request.titleId);
  }

  @Handles(certificateDocument)
  document(request: { titleId: string; publicOrigin: string }) {
    return this.certificates.document(request.titleId, request.publicOrigin);
  }

  @Handles(certificateHoldings)
  holdings(request: { applicantId: string }) {
    return this.certificates.holdings(request.applicantId);
  }

  @Handles(certificateVerify)
  verify(request: { number: string }) {
    return this.certificates.verify(request.number);
  }
}
