import { DomainError, type TitleView, titleGet, titleList } from '@laurel/contracts';
import { Database, Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { toTitleView } from './title.mapper';
import { type TitleFilter, TitleReader } from './title.reader';

@Controller()
export class TitleHandler {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly titles: TitleReader,
  ) {}

  @Handles(titleGet)
  async get(request: { titleId: string }): Promise<TitleView> {
    const row = await this.database.inTenant((tx) => this.titles.byId(tx, request.titleId));
    if (!row) throw DomainError.notFound({ zh: '没有这个称号', en: 'No such title' });
    return toTitleView(row);
  }

  @Handles(titleList)
  async list(request: TitleFilter & { after?: string; limit?: number }) {
    const { rows, next } = await this.database.inTenant((tx) => this.titles.page(tx, request, request));
    return { items: rows.map(toTitleView), next };
  }
}
