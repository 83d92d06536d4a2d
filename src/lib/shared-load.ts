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

/** `sharedLoad` for each key: a key's load is shared until it fails. */
export function sharedLoads<K, T>(load: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const loads = new Map<K, () => Promise<T>>();
  return (key) => {
    let shared = loads.get(key);
    if (!shared) loads.set(key, (shared = sharedLoad(() => load(key))));
    return shared();
  };
}
