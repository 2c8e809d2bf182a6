import {
  objectionAdmit,
  objectionConfirm,
  objectionFile,
  objectionGet,
  objectionList,
  objectionReceipt,
  objectionRefuse,
  objectionResult,
  objectionTrack,
  type ParsedRequestOf,
  type RequestOf,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ObjectionService } from './objection.service';
import { ObjectionExaminationService } from './objection-examination.service';
import { ObjectionFilingService } from './objection-filing.service';
import { ObjectionResultService } from './objection-result.service';

@Controller()
export class ObjectionHandler {
  constructor(
    private readonly objections: ObjectionService,
    private readonly filing: ObjectionFilingService,
    private readonly examination: ObjectionExaminationService,
    private readonly results: ObjectionResultService,
  ) {}

  @Handles(objectionResult)
  result(request: { id: string }) {
    return this.results.result(request.id);
  }

  @Handles(objectionFile)
  file(request: ParsedRequestOf<typeof objectionFile>) {
    return this.filing.file(request);
  }

  @Handles(objectionGet)
  get(request: { id: string }) {
    return this.objections.get(request.id);
  }

  @Handles(objectionList)
  list(request: ParsedRequestOf<typeof objectionList>) {
    return this.objections.list(request);
  }

  @Handles(objectionAdmit)
  admit(request: ParsedRequestOf<typeof objectionAdmit>) {
    return this.examination.admit(request.id, request.note);
  }

  @Handles(objectionRefuse)
  refuse(request: ParsedRequestOf<typeof objectionRefuse>) {
    return this.examination.refuse(request.id, request.reasons);
  }

  @Handles(objectionConfirm)
  confirm(request: RequestOf<typeof objectionConfirm>) {
    return this.objections.confirm(request);
  }

  @Handles(objectionTrack)
  track(request: { receiptNumber: string }) {
    return this.objections.track(request.receiptNumber);
  }

  @Handles(objectionReceipt)
  receipt(request: { receiptNumber: string }) {
    return this.objections.receipt(request.receiptNumber);
  }
}
