import { Module } from '@nestjs/common';
import { EventPipelineService } from './event-pipeline.service';
import { OperationsController } from './operations.controller';

/** The operator's monitoring routes: the event pipeline and the queue board's pass. */
@Module({ controllers: [OperationsController], providers: [EventPipelineService] })
export class OperationsModule {}
