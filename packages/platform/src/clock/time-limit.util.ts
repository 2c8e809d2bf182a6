/**
 * `work`, or a rejection with `message` once `ms` have passed without it settling. The timer is cleared either way, so
 * it never outlives the wait.
 */
export async function timeLimit<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
