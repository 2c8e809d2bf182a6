import { useSyncExternalStore } from 'react';
import { sessionStore } from '../api/session-store';

let snapshot = sessionStore.get();
sessionStore.subscribe((session) => {
  snapshot = session;
});

/** The office user's session, re-rendering when it starts, refreshes or ends. */
export function useSession() {
  return useSyncExternalStore(sessionStore.subscribe, () => snapshot);
}
