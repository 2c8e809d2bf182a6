/** What Prisma Client's request handler hands its dataloader: a request, in a Prisma transaction or not. */
interface BatchedRequest {
  transaction?: { id?: unknown } | null;
}

interface DataloaderOptions {
  batchBy: (request: BatchedRequest) => string | undefined;
}

/**
 * Turns off Prisma Client's batching of `findUnique` calls made in the same tick outside a Prisma transaction (ADR
 * 0039). Our transactions are the platform's own (ADR 0006): Prisma sees none, so its dataloader merged lookups of
 * concurrent requests — of different tenants — into one query run in the first caller's transaction, under its tenant's
 * row-level security: the others were answered `null` (a spurious 404) and read outside their own transaction. Prisma
 * has no setting for it (prisma/orm#23730); this replaces the dataloader's batch key so such a request is never
 * batched, and fails loudly at start if the client's internals no longer look as expected.
 */
export function withoutLookupBatching<C>(client: C): C {
  const handler = (client as { _requestHandler?: { dataloader?: { options?: Partial<DataloaderOptions> } } })
    ._requestHandler;
  const options = handler?.dataloader?.options;
  const batchBy = options?.batchBy;
  if (!options || typeof batchBy !== 'function') {
    throw new Error(
      'Prisma Client no longer exposes its dataloader: findUnique batching across requests cannot be turned off (ADR 0039)',
    );
  }
  // Prisma's own transactions (a `$transaction([...])` batch) keep their batching: their requests share a transaction.
  options.batchBy = (request) => (request.transaction?.id ? batchBy.call(options, request) : undefined);
  return client;
}
