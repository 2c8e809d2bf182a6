import { Module } from '@nestjs/common';
import { CycleController } from './cycle.controller';
import { PolicyController } from './policy.controller';

/** The awards service's API: the jurisdiction's policy and its cycles (the service checks the rules). */
@Module({ controllers: [PolicyController, CycleController] })
export class AwardsModule {}
