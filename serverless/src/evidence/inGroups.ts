/** Runs `run` over `items`, at most `atOnce` at a time, in order: Twilio answers a few requests at once best. */
export async function inGroups<T, R>(items: readonly T[], atOnce: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += atOnce) {
    results.push(...(await Promise.all(items.slice(i, i + atOnce).map(run))));
  }
  return results;
}
