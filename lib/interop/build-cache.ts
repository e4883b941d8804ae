// Speed, contained (conventions principle 10): directory clients poll every minute, and building the directory
// computes every location's and service's free time for 14 days. The built answer is kept in memory under the
// version it was built from, so a poll that finds nothing changed costs one small query. bench/fhir.ts measures it.

/** Keeps one built value per key; a caller asking while a build for the same key runs waits for that build. */
export interface BuildCache<T> {
  getOrBuild(key: string, build: () => Promise<T>): Promise<T>;
  clear(): void;
}

/** Holds only the latest key: an older version is never asked for again. */
export function latestOnlyCache<T>(): BuildCache<T> {
  let entry: { key: string; value: Promise<T> } | null = null;
  return {
    getOrBuild(key, build) {
      if (entry?.key === key) return entry.value;
      const value = build();
      const mine = { key, value };
      entry = mine;
      // a failed build is not kept: the next poll tries again
      value.catch(() => {
        if (entry === mine) entry = null;
      });
      return value;
    },
    clear() {
      entry = null;
    },
  };
}
