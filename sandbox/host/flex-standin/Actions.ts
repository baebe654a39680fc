// Names and semantics follow @twilio/flex-ui's flex-ui-core Actions.d.ts (ActionsImpl), including
// the order of an invocation: before-listeners (which may cancel), the action or its replacements,
// after-listeners.

export type ActionPayload = unknown;
export type ActionName = string;
export type ActionFunction = (payload: ActionPayload) => Promise<unknown>;
export type ReplacedActionFunction = (
  payload: ActionPayload,
  original: ActionFunction,
  next?: ActionFunction,
) => Promise<unknown>;
export type ActionCancelFunction = () => void;
/** `before<Action>` listeners get a cancel function; `after<Action>` listeners only the payload. */
export type ActionListener = (payload: ActionPayload, cancel: ActionCancelFunction) => unknown;

export class ActionsImpl {
  private readonly actions = new Map<ActionName, ActionFunction>();
  private readonly replacedActions = new Map<ActionName, ReplacedActionFunction[]>();
  private readonly listeners = new Map<string, ActionListener[]>();

  registerAction(name: ActionName, action: ActionFunction): void {
    this.actions.set(name, action);
  }

  replaceAction(name: ActionName, action: ReplacedActionFunction): void {
    this.replacedActions.set(name, [...(this.replacedActions.get(name) ?? []), action]);
  }

  async invokeAction(name: ActionName, payload?: ActionPayload): Promise<unknown> {
    const action = this.actions.get(name);
    if (!action) throw new Error(`Action ${name} does not exist!`);

    let cancelled = false;
    try {
      await this.emit(`before${name}`, payload, () => {
        cancelled = true;
      });
    } catch (error) {
      console.error(`Error on "before${name}":`, error);
    }
    if (cancelled) throw new Error(`Action ${name} cancelled by before event`);

    const replaced = this.replacedActions.get(name) ?? [];
    // As in Flex: the last replacement runs first; `next` runs the one registered before it.
    const run = (index: number, current: ActionPayload): Promise<unknown> =>
      index >= 0 ? replaced[index](current, action, (p) => run(index - 1, p)) : action(current);
    const result = await run(replaced.length - 1, payload);

    try {
      await this.emit(`after${name}`, payload, () => undefined);
    } catch (error) {
      console.error(`Error on after${name}:`, error);
    }
    return result;
  }

  addListener(event: string, listener: ActionListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  /** Deprecated alias in Flex; kept because older plugins still call it. */
  on(event: string, listener: ActionListener): this {
    return this.addListener(event, listener);
  }

  removeListener(event: string, listener: ActionListener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((registered) => registered !== listener),
    );
    return this;
  }

  /** Runs every listener; a rejected promise from one is logged and does not stop the others. */
  private async emit(event: string, payload: ActionPayload, cancel: ActionCancelFunction): Promise<void> {
    const listeners = this.listeners.get(event) ?? [];
    await Promise.all(
      listeners.map((listener) => {
        const result = listener(payload, cancel);
        return result instanceof Promise
          ? result.catch((error: unknown) => console.error(`Error on ${event}:`, error))
          : result;
      }),
    );
  }
}

export const Actions = new ActionsImpl();
