/** A change counter React components can subscribe to (React 17 has no useSyncExternalStore). */
export class Observable {
  private readonly changeListeners = new Set<() => void>();
  private _version = 0;

  /** Increases on every change; a component compares it to what it rendered. */
  get version(): number {
    return this._version;
  }

  subscribe(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  protected notify(): void {
    this._version += 1;
    this.changeListeners.forEach((listener) => listener());
  }
}
