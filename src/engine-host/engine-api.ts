// The engine as the rest of the bot sees it: every call is async, so the engine may live in a
// worker thread (engine-worker.ts) or in this one (localEngineApi) behind the same interface.
import { Engine } from '../engine/engine.ts';

/** Engine members not offered across a thread: the index itself, and the whole corpus at once. */
const NOT_OFFERED = ['constructor', 'exportState', 'listArticles'] as const;
type NotOffered = (typeof NOT_OFFERED)[number];

/**
 * Every public member of Engine, async: a method returns a promise of its result, a property
 * (`size`) becomes a method. Derived from the class, so a method added to Engine is offered too.
 */
export type EngineApi = {
  readonly [K in Exclude<keyof Engine, NotOffered>]: Engine[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : () => Promise<Engine[K]>;
};

export type EngineMethod = keyof EngineApi;

/** Carries one engine call to wherever the engine is, and its result back. */
export type EngineCall = (method: string, args: unknown[]) => Promise<unknown>;

let offered: ReadonlySet<string> | null = null;

/** Names of the members an EngineApi offers, read from the class at run time. */
export function engineMethods(): ReadonlySet<string> {
  offered ??= new Set(Object.getOwnPropertyNames(Engine.prototype).filter((name) => !(NOT_OFFERED as readonly string[]).includes(name)));
  return offered;
}

/** An EngineApi whose every member goes through `call` (one generic message, not one per method). */
export function engineApiOver(call: EngineCall): EngineApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of engineMethods()) api[name] = (...args: unknown[]) => call(name, args);
  return api as unknown as EngineApi;
}

/** Runs one call on an engine in this thread: a method is applied, a property read. */
export function invokeEngine(engine: Engine, method: string, args: unknown[]): unknown {
  if (!engineMethods().has(method)) throw new TypeError(`the engine offers no "${method}"`);
  const member = (engine as unknown as Record<string, unknown>)[method];
  return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).apply(engine, args) : member;
}

/** The in-process EngineApi: the same engine, answered in this thread (the CLI, tests, ENGINE_WORKER=0). */
export function localEngineApi(engine: Engine): EngineApi {
  return engineApiOver(async (method, args) => invokeEngine(engine, method, args));
}

/** An EngineApi as is; a plain Engine wrapped in this thread. */
export function toEngineApi(engine: Engine | EngineApi): EngineApi {
  return engine instanceof Engine ? localEngineApi(engine) : engine;
}
