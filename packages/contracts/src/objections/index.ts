export * from './file-upload.schema';
export * from './identity.schema';
export * from './notice.contract';
export * from './objection.contract';
export * from './objection-contact.contract';
export * from './objection-events.contract';
export * from './objection-rules.contract';
export * from './report.contract';
