import type { Awareness } from "y-protocols/awareness";

type Change = { added: number[]; updated: number[]; removed: number[] };
type Listener = (change: Change, origin: unknown) => void;

/**
 * The awareness as the caret plugin sees it: its "change" events only when a colleague's state changed.
 *
 * The plugin redraws the carets on every change it hears, with a transaction of its own, and each toolbar and
 * panel re-reads the editor on every transaction. Every key moves this browser's own caret, which the plugin
 * never draws: without the filter each key cost a second transaction for nothing (issue 17). Everything else
 * (the states, setting the own cursor, other events) is the awareness itself.
 */
export function othersOnly(awareness: Awareness): Awareness {
  const filtered = new Map<Listener, Listener>();
  const on = (event: string, listener: Listener) => {
    if (event !== "change") return awareness.on(event as "change", listener);
    const onlyOthers: Listener = (change, origin) => {
      const own = awareness.clientID;
      if ([...change.added, ...change.updated, ...change.removed].some((id) => id !== own)) listener(change, origin);
    };
    filtered.set(listener, onlyOthers);
    awareness.on("change", onlyOthers);
  };
  const off = (event: string, listener: Listener) => {
    if (event !== "change") return awareness.off(event as "change", listener);
    awareness.off("change", filtered.get(listener) ?? listener);
    filtered.delete(listener);
  };
  return new Proxy(awareness, {
    get(target, prop) {
      if (prop === "on") return on;
      if (prop === "off") return off;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
