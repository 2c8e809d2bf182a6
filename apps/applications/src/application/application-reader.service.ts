import type { ApplicationView, PageRequest } from '@laurel/contracts';
import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../applications-prisma';
import { acting } from '../identity/actor.util';
import { accessTo, mayActAs } from '../identity/application-access.util';
import { applicationNotFound, notAllowed } from './application.errors';
import { toApplicationListItem, toApplicationView } from './application.mapper';
import { ApplicationRepository, type ApplicationWithDetails } from './application.repository';
import type { ApplicationFilter } from './application-filter.util';

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
    return toApplicationView(await this.visible(id));
  }

  /** An application the caller may see (the leading group too: it decides what the policy gives it); else 404. */
  async visible(id: string): Promise<ApplicationWithDetails> {
    const row = await this.database.inTenant((tx) => this.applications.find(tx, id));
    if (!row || !mayRead(row)) throw applicationNotFound();
    return row;
  }

  /** A page of the applications the caller may see, filtered as a work queue (visibility is part of the query). */
  async list(request: ApplicationFilter & PageRequest) {
    const { cycleNumber, status, stage, ...page } = request;
    const { rows, next } = await this.database.inTenant((tx) =>
      this.applications.page(tx, { cycleNumber, status, stage, viewer: acting() }, page),
    );
    return { applications: rows.filter(mayRead).map(toApplicationListItem), next };
  }

  /** An application the acting user may act on in this role; 404 if it may not see it, 403 if it may not act. */
  async load(id: string, as: ActingAs): Promise<ApplicationWithDetails> {
    const row = await this.database.inTenant((tx) => this.applications.find(tx, id));
    if (!row || !mayRead(row)) throw applicationNotFound();
    const may = mayActAs(row, as);
    if (!may) throw notAllowed();
    return row;
  }
}

/** The office, the applicant and recommender of the application, and the leading group read it. */
const mayRead = (row: ApplicationWithDetails): boolean => accessTo(row) !== null || acting().has('leading_group');
