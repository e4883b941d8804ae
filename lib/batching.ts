/** One item's outcome in a batch: what its caller's promise resolves or rejects with. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface BatchOptions {
  /** Most items in one batch. */
  maxSize: number;
  /** Most batches running at once; what arrives meanwhile waits and goes in the next one. */
  maxInFlight: number;
}

/**
 * Group commit for work that would otherwise each pay for its own transaction: items run one batch at a time (up to
 * `maxInFlight` at once), and whatever arrives while those run waits and goes together in the next batch. A lone
 * item is never held back (it starts at the end of the current tick), so batches only form under load.
 * `run` answers for every item, in order; if it throws, every item in that batch fails with its error.
 */
export function createBatcher<I, O>(run: (items: I[]) => Promise<Settled<O>[]>, { maxSize, maxInFlight }: BatchOptions): (item: I) => Promise<O> {
  const waiting: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;
  const start = () => {
    scheduled = false;
    while (inFlight < maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, maxSize);
      inFlight++;
      run(batch.map((w) => w.item))
        .then(
          (results) => batch.forEach((w, i) => {
            const r = results[i] ?? { ok: false, error: new Error("createBatcher: no outcome for an item") };
            if (r.ok) w.resolve(r.value);
            else w.reject(r.error);
          }),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          inFlight--;
          start();
        });
    }
  };
  return (item) => new Promise<O>((resolve, reject) => {
    waiting.push({ item, resolve, reject });
    // items that arrive in the same tick go together
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(start);
    }
  });
}

/** The outcome of a promise, as a value. */
export function settle<O>(work: Promise<O>): Promise<Settled<O>> {
  return work.then((value) => ({ ok: true, value }), (error: unknown) => ({ ok: false, error }));
}
