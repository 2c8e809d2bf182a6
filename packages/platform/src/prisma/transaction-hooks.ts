/** Work to do once a transaction has committed (e.g. waking the outbox relay). */
export class TransactionHooks {
  private readonly pending = new WeakMap<object, Array<() => void>>();

  afterCommit(tx: object, hook: () => void): void {
    const hooks = this.pending.get(tx);
    if (hooks) hooks.push(hook);
    else this.pending.set(tx, [hook]);
  }

  /** Called by the database once `tx` committed. */
  committed(tx: object): void {
    const hooks = this.pending.get(tx);
    this.pending.delete(tx);
    for (const hook of hooks ?? []) hook();
  }
}
