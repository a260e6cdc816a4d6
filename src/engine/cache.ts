// A bounded LRU map (Map keeps insertion order: re-inserting on hit moves a key to the end).
export class Lru<V> {
  private map = new Map<string, V>();
  constructor(private max: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * An Lru of values compiled on a miss, once: concurrent callers of a key share the compilation
 * in flight, and one that started before clear() (the schema changed under it) is handed to its
 * callers but not kept.
 */
export class CompiledCache<V> {
  private done: Lru<V>;
  private pending = new Map<string, Promise<V>>();
  /** lookups, for /metrics: found (compiled, or being compiled), or compiled anew */
  readonly stats = { hits: 0, misses: 0 };
  constructor(max: number) {
    this.done = new Lru<V>(max);
  }

  get(key: string, compile: () => Promise<V>): Promise<V> {
    const value = this.done.get(key);
    if (value !== undefined) {
      this.stats.hits++;
      return Promise.resolve(value);
    }
    const pending = this.pending.get(key);
    if (pending) {
      this.stats.hits++;
      return pending;
    }
    this.stats.misses++;
    const compiling: Promise<V> = compile()
      .then((v) => {
        if (this.pending.get(key) === compiling) this.done.set(key, v);
        return v;
      })
      .finally(() => {
        if (this.pending.get(key) === compiling) this.pending.delete(key);
      });
    this.pending.set(key, compiling);
    return compiling;
  }

  clear(): void {
    this.done.clear();
    this.pending.clear();
  }
}
