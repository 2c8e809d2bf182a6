import { RequestContexts } from '@laurel/platform';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { Observable } from 'rxjs';
import { type AuthenticatedRequest, contextOf } from './authenticated-request';

/** Runs the route inside the request context (tenant, correlation id, actor) the guards established. */
@Injectable()
export class TenantScopedInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return new Observable((subscriber) =>
      RequestContexts.run(contextOf(request), () => next.handle().subscribe(subscriber)),
    );
  }
}

export const TenantScoped = () => UseInterceptors(TenantScopedInterceptor);
