import {
  type PerformanceEvaluationBody,
  performanceEvaluationRecord,
  type UseReportAcceptBody,
  type UseReportListQuery,
  type UseReportQueryBody,
  type UseReportSaveBody,
  useReportAccept,
  useReportGet,
  useReportList,
  useReportQuery,
  useReportSave,
  useReportSubmit,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { PerformanceEvaluationService } from './performance-evaluation.service';
import { UseReportService } from './use-report.service';

@Controller()
export class UseReportHandler {
  constructor(
    private readonly reports: UseReportService,
    private readonly evaluations: PerformanceEvaluationService,
  ) {}

  @Handles(useReportList)
  list(request: UseReportListQuery) {
    return this.reports.list(request);
  }

  @Handles(useReportGet)
  get(request: { entitlementId: string }) {
    return this.reports.get(request.entitlementId);
  }

  @Handles(useReportSave)
  save({ entitlementId, ...body }: UseReportSaveBody & { entitlementId: string }) {
    return this.reports.save(entitlementId, body);
  }

  @Handles(useReportSubmit)
  submit(request: { entitlementId: string }) {
    return this.reports.submit(request.entitlementId);
  }

  @Handles(useReportQuery)
  query({ entitlementId, reasons }: UseReportQueryBody & { entitlementId: string }) {
    return this.reports.query(entitlementId, reasons);
  }

  @Handles(useReportAccept)
  accept({ entitlementId, note }: UseReportAcceptBody & { entitlementId: string }) {
    return this.reports.accept(entitlementId, note);
  }

  @Handles(performanceEvaluationRecord)
  evaluate({ entitlementId, ...body }: PerformanceEvaluationBody & { entitlementId: string }) {
    return this.evaluations.record(entitlementId, body);
  }
}
