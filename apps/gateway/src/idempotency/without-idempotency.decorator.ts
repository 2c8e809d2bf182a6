import { SetMetadata } from '@nestjs/common';

export const WITHOUT_IDEMPOTENCY = 'laurel:without-idempotency';

/**
 * Routes whose answers must not be stored for replay (they carry bearer secrets: login, refresh) and that gain
 * nothing from it: an `Idempotency-Key` sent to them is ignored.
 */
export const WithoutIdempotency = () => SetMetadata(WITHOUT_IDEMPOTENCY, true);
