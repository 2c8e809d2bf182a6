// The event pipeline's counts live with the rehearsal (the chaos run reconciles with them too).
export * from '../src/event-pipeline';
