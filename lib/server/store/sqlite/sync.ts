// node:sqlite answers synchronously: the table modules implement the store's interfaces with plain
// return values, and open-sqlite-store.ts turns them into the asynchronous ConsoleStore.

/** The synchronous form of a store interface: each method returns what its promise resolves to. */
export type Sync<Store> = {
  [Method in keyof Store]: Store[Method] extends (...args: infer Args) => Promise<infer Result>
    ? (...args: Args) => Result
    : never;
};
