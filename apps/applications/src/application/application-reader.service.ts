import type { ApplicationView, PageRequest } from '@laurel/contracts';
import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../applications-prisma';
import { acting } from '../identity/actor.util';
import { accessTo, mayActAs } from '../identity/application-access.util';
import { applicationNotFound, notAllowed } from './application.errors';
import { toApplicationListItem, toApplicationView } from './application.mapper';
import { ApplicationRepository, type ApplicationWithDetails } from './application.repository';

/** The role in which a step acts on an application. */
export type ActingAs = 'office' | 'applicant' | 'recommender';

/**
 * Reading applications, as the caller may: the office every one, an applicant its own, a recommender those submitted
 * to it; any other application is "not found", never "forbidden", so its existence does not leak.
 */
@Injectable()
export class ApplicationReader {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ApplicationRepository,
  ) {}

  async get(id: string): Promise<ApplicationView> {
    const row = await this.database.inTenant((tx) => this.applications.find(tx, id));
    if (!row || !accessTo(row)) throw applicationNotFound();
    return toApplicationView(row);
  }

  /** A page of the applications the caller may see, filtered as a work queue (visibility is part of the query). */
  async list(request: { cycleNumber?: number } & PageRequest) {
    const { cycleNumber, ...page } = request;
    const { rows, next } = await this.database.inTenant((tx) =>
      this.applications.page(tx, { cycleNumber, viewer: acting() }, page),
    );
    return { applications: rows.filter((row) => accessTo(row) !== null).map(toApplicationListItem), next };
  }

  /** An application the acting user may act on in this role; 404 if it may not see it, 403 if it may not act. */
  async load(id: string, as: ActingAs): Promise<ApplicationWithDetails> {
    const row = await this.database.inTenant((tx) => this.applications.find(tx, id));
    if (!row || !accessTo(row)) throw applicationNotFound();
    const may = mayActAs(row, as);
    if (!may) throw notAllowed();
    return row;
  }
}
