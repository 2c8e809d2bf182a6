import {
  type ApplicantFilter,
  type ApplicantRegisterBody,
  applicantGet,
  applicantList,
  applicantRegister,
  type PageRequest,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ApplicantService } from './applicant.service';

@Controller()
export class ApplicantHandler {
  constructor(private readonly applicants: ApplicantService) {}

  @Handles(applicantRegister)
  register(request: ApplicantRegisterBody) {
    return this.applicants.register(request);
  }

  @Handles(applicantGet)
  get(request: { id: string }) {
    return this.applicants.get(request.id);
  }

  @Handles(applicantList)
  list(request: ApplicantFilter & PageRequest) {
    const { name, creditCode, ...page } = request;
    return this.applicants.list({ name, creditCode }, page);
  }
}
