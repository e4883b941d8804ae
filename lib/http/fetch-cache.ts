// A small client-side cache of fetched data, by key: one request at a time per key, each answer kept with when it
// arrived, so a screen shows what it has at once and asks again only when that has gone stale.
// No "server-only" and no server imports: client components use it.

export interface CacheEntry<T> {
  /** When it arrived (ms since the epoch); 0 once marked stale. */
  at: number;
  data: T;
}

export interface FetchCache<T> {
  peek(key: string): CacheEntry<T> | undefined;
  /** Keeps data the page already has (rendered on the server, say), unless the key holds some already. */
  seed(key: string, data: T): void;
  /** The key's data from `fetcher`, sharing a request already under way; kept when it succeeds. */
  load(key: string, fetcher: () => Promise<T>): Promise<T>;
  /** Held, and younger than `freshMs`. */
  isFresh(key: string): boolean;
  /** Marks every entry stale: it stays readable until a fresh copy replaces it, so nothing flashes. */
  invalidate(): void;
  /** Forgets a key, so the next load asks again. */
  forget(key: string): void;
}

export function createFetchCache<T>({
  freshMs = Infinity,
  now = Date.now,
}: { freshMs?: number; now?: () => number } = {}): FetchCache<T> {
  const entries = new Map<string, CacheEntry<T>>();
  const inflight = new Map<string, Promise<T>>();
  return {
    peek: (key) => entries.get(key),
    seed(key, data) {
      if (!entries.has(key)) entries.set(key, { at: now(), data });
    },
    load(key, fetcher) {
      let p = inflight.get(key);
      if (!p) {
        p = fetcher()
          .then((data) => {
            entries.set(key, { at: now(), data });
            return data;
          })
          .finally(() => inflight.delete(key));
        inflight.set(key, p);
      }
      return p;
    },
    isFresh(key) {
      const entry = entries.get(key);
      return !!entry && entry.at > 0 && now() - entry.at < freshMs;
    },
    invalidate() {
      for (const entry of entries.values()) entry.at = 0;
    },
    forget(key) {
      entries.delete(key);
    },
  };
}
