/**
 * A load that every caller shares until it fails. A failed load is not
 * remembered: on a dropped connection, the next call tries again instead of
 * every later call failing until the page is reloaded.
 */
export function sharedLoad<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      const started = load();
      started.catch(() => pending === started && (pending = undefined));
      pending = started;
    }
    return pending;
  };
}

/** `sharedLoad` for each key: a key's load is shared until it fails, or until `limit` keys used since push it out. */
export function sharedLoads<K, T>(load: (key: K) => Promise<T>, limit = Infinity): (key: K) => Promise<T> {
  const loads = new Map<K, () => Promise<T>>();
  return (key) => {
    const shared = loads.get(key) ?? sharedLoad(() => load(key));
    // A Map keeps insertion order: the first key is the one used longest ago.
    loads.delete(key);
    loads.set(key, shared);
    if (loads.size > limit) loads.delete(loads.keys().next().value as K);
    return shared();
  };
}
