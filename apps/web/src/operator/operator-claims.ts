/** Whether an access token is a platform operator's (its `op` claim); the gateway checks it again on every route. */
export function isOperatorToken(accessToken: string | undefined): boolean {
  try {
    const payload = accessToken?.split('.')[1];
    if (!payload) return false;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return (JSON.parse(json) as { op?: boolean }).op === true;
  } catch {
    return false;
  }
}
