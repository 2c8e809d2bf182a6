export * from './appropriation.contract';
export * from './clawback.contract';
export * from './disbursement.contract';
export * from './entitlement.contract';
export * from './entitlement-amount.contract';
export * from './funds-events.contract';
export * from './ledger.contract';
export * from './use-report.contract';
