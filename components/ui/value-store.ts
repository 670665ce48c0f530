/** One value outside React that components read with useSyncExternalStore; setting the value it holds notifies nobody. */
export type ValueStore<T> = { get: () => T; set: (next: T) => void; subscribe: (listener: () => void) => () => void };

export function createValueStore<T>(initial: T): ValueStore<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (next) => {
      if (Object.is(next, current)) return;
      current = next;
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
