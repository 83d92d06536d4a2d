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
