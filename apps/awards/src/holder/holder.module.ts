import { Module } from '@nestjs/common';
import { HolderAccess } from './holder-access.service';

@Module({ providers: [HolderAccess], exports: [HolderAccess] })
export class HolderModule {}
