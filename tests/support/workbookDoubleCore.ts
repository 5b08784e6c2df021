/**
 * The request machinery of the workbook double: proxies queue loads, property
 * writes and method calls; `context.sync()` measures the request, refuses it over
 * the payload limit, runs the queue against the model in order, measures the
 * response, and only then makes loaded properties readable. That is where the
 * batching bugs live that office-addin-mock cannot see (it applies writes at once
 * and never throws on unloaded reads).
 */
import { doubleErrors } from './workbookDoubleErrors';
import type { ReadBook } from './workbookDoubleImport';
import { utf8Length, type WorkbookModel } from './workbookDoubleModel';

export interface DoubleEnvironment {
  readonly model: WorkbookModel;
  /** Excel on the web refuses requests and responses over 5 MB. */
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  /** Highest ExcelApi minor version the "host" supports (18 → ExcelApi 1.18). */
  readonly excelApiMinor: number;
  readonly limits: DoubleLimits;
  /** Turns the base64 file given to insertWorksheetsFromBase64 into sheets (WorkbookDoubleOptions.readBook). */
  readonly readBook?: ReadBook;
  readonly stats: { syncCount: number; requestBytes: number[]; responseBytes: number[] };
}

/** Limits and misbehaviours of real Excel, each documented or reported (see WorkbookDoubleOptions). */
export interface DoubleLimits {
  /** An oversized request or response fails with GeneralException instead of its payload code. */
  readonly oversizeAsGeneralException: boolean;
  readonly maxReadCells: number;
  /** Over maxReadCells, values/text/numberFormat/formulas come back null instead of failing. */
  readonly oversizedReadReturnsNull: boolean;
  readonly mergedAreaLimit: number;
  readonly mergedAreasTopLeftOnly: boolean;
  readonly conditionalFormatsFailOnDuplicateCellValueRules: boolean;
  readonly conditionalFormatDeleteFailsOnSharedRange: boolean;
  readonly specialCellsFailOnProtectedSheet: boolean;
  readonly insertFailsAfterInserting: boolean;
}

type Commit = () => void;

interface QueuedOp {
  readonly proxy: DoubleObject;
  readonly action: { readonly ActionType: number; readonly Name: string; readonly args?: readonly unknown[]; readonly query?: unknown };
  readonly execute: (commits: Commit[]) => unknown;
}

// Office.js wire numbers, so measured sizes resemble real requests.
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
export const PATH = { global: 1, method: 3, property: 4, indexer: 5 } as const;

export type Resolver = () => unknown;

export class DoubleContext {
  private queue: QueuedOp[] = [];
  private closed = false;
  private nextProxyId = 0;
  readonly workbook: DoubleObject;

  constructor(
    readonly env: DoubleEnvironment,
    makeWorkbook: (context: DoubleContext) => DoubleObject,
  ) {
    this.workbook = makeWorkbook(this);
  }

  _proxyId(): number {
    this.nextProxyId += 1;
    return this.nextProxyId;
  }

  _enqueue(op: QueuedOp): void {
    if (this.closed) throw doubleErrors.invalidRequestContext();
    this.queue.push(op);
  }

  get _pending(): number {
    return this.queue.length;
  }

  _close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    if (this.closed) throw doubleErrors.invalidRequestContext();
    const ops = this.queue;
    this.queue = [];
    const { stats, requestLimitBytes, responseLimitBytes } = this.env;
    stats.syncCount += 1;
    const requestBytes = utf8Length(JSON.stringify(wire(ops)));
    stats.requestBytes.push(requestBytes);
    // A round trip: nothing below happens in the same tick as the caller's code.
    await Promise.resolve();
    const asGeneral = this.env.limits.oversizeAsGeneralException;
    if (requestBytes > requestLimitBytes) {
      stats.responseBytes.push(0);
      throw asGeneral ? doubleErrors.generalException('request too large') : doubleErrors.requestTooLarge(requestBytes, requestLimitBytes);
    }
    const commits: Commit[] = [];
    const responses: unknown[] = [];
    try {
      // In order, without rollback: actions before a failing one stay applied, as in Excel.
      for (const op of ops) responses.push(op.execute(commits));
    } catch (error) {
      stats.responseBytes.push(0);
      throw error;
    }
    const responseBytes = utf8Length(JSON.stringify(responses));
    stats.responseBytes.push(responseBytes);
    if (responseBytes > responseLimitBytes) {
      throw asGeneral ? doubleErrors.generalException('response too large') : doubleErrors.responseTooLarge(responseBytes, responseLimitBytes);
    }
    for (const commit of commits) commit();
  }
}

/** The request as Office.js would send it: object paths, an Instantiate per object, then the actions. */
function wire(ops: readonly QueuedOp[]): unknown {
  const objectPaths: Record<number, unknown> = {};
  const actions: unknown[] = [];
  const seen = new Set<DoubleObject>();
  const visit = (proxy: DoubleObject): void => {
    if (seen.has(proxy)) return;
    seen.add(proxy);
    if (proxy._parent) visit(proxy._parent);
    objectPaths[proxy._id] = proxy._objectPath(argOnWire);
    actions.push({ Id: actions.length + 1, ActionType: ACTION.instantiate, Name: '', ObjectPathId: proxy._id });
  };
  const argOnWire = (arg: unknown): unknown => {
    if (arg instanceof DoubleObject) {
      visit(arg);
      return { ObjectPathId: arg._id };
    }
    return arg;
  };
  for (const op of ops) {
    visit(op.proxy);
    const entry: Record<string, unknown> = { Id: actions.length + 1, ActionType: op.action.ActionType, Name: op.action.Name, ObjectPathId: op.proxy._id };
    if (op.action.args) entry.ArgumentInfo = { Arguments: op.action.args.map(argOnWire) };
    if (op.action.query) entry.QueryInfo = op.action.query;
    actions.push(entry);
  }
  return { Actions: actions, ObjectPaths: objectPaths };
}

/** A value read from Excel after sync, as OfficeExtension.ClientResult. */
export class ClientResultDouble<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) throw doubleErrors.propertyNotLoaded('ClientResult', 'value');
    return this.result as T;
  }

  _commit(value: T): void {
    this.loaded = true;
    this.result = value;
  }
}

type LoadSpec = string | readonly string[] | { select?: string; expand?: string } | undefined;

function parseLoadSpec(spec: LoadSpec): string[][] {
  const list: string[] = [];
  if (typeof spec === 'string') list.push(...spec.split(','));
  else if (Array.isArray(spec)) for (const s of spec as readonly string[]) list.push(...s.split(','));
  else if (spec && typeof spec === 'object') {
    const { select, expand } = spec as { select?: string; expand?: string };
    if (select) list.push(...select.split(','));
    if (expand) list.push(...expand.split(','));
  }
  return list
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => s.split('/').map((p) => p.trim()));
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export interface ObjectPathInit {
  readonly parent?: DoubleObject;
  readonly name: string;
  readonly args?: readonly unknown[];
  readonly type?: number;
  readonly resolve: Resolver;
}

/**
 * A proxy. Subclasses declare their scalar properties (readable after load +
 * sync), their navigation properties (child proxies) and their methods.
 */
export abstract class DoubleObject {
  abstract readonly _typeName: string;
  readonly _id: number;
  readonly _parent: DoubleObject | undefined;
  readonly _loaded = new Map<string, unknown>();
  _nullState: boolean | undefined;
  private readonly pathName: string;
  private readonly pathArgs: readonly unknown[];
  private readonly pathType: number;
  private readonly resolver: Resolver;
  private navigationCache: Map<string, DoubleObject> | undefined; // most proxies never navigate: made on first use

  constructor(
    readonly _ctx: DoubleContext,
    init: ObjectPathInit,
  ) {
    this._id = _ctx._proxyId();
    this._parent = init.parent;
    this.pathName = init.name;
    this.pathArgs = init.args ?? [];
    this.pathType = init.type ?? PATH.property;
    this.resolver = init.resolve;
  }

  get context(): DoubleContext {
    return this._ctx;
  }

  /** Readable only after a sync this object took part in, as in Office.js. */
  get isNullObject(): boolean {
    if (this._nullState === undefined) throw doubleErrors.propertyNotLoaded(this._typeName, 'isNullObject');
    return this._nullState;
  }

  /** The model object; null for a null object; throws (ItemNotFound …) when it cannot exist. */
  _resolve(): unknown {
    return this.resolver();
  }

  _objectPath(argOnWire: (arg: unknown) => unknown): unknown {
    return {
      Id: this._id,
      ObjectPathType: this.pathType,
      Name: this.pathName,
      ParentObjectPathId: this._parent?._id,
      ArgumentInfo: { Arguments: this.pathArgs.map(argOnWire) },
    };
  }

  /** Scalar properties: name → how to read it from the resolved model object. */
  protected _scalars(): Record<string, (target: never) => unknown> {
    return {};
  }

  /** Navigation properties: name → the (cached) child proxy. */
  protected _navigations(): Record<string, () => DoubleObject> {
    return {};
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec);
    this._ctx._enqueue({
      proxy: this,
      action: { ActionType: ACTION.query, Name: '', query: { Select: paths.map((p) => p.join('/')), Expand: [] } },
      execute: (commits) => this._execLoad(paths, commits),
    });
    return this;
  }

  /** Reads what `paths` ask for from the model now; makes it readable only when `commits` run. */
  _execLoad(paths: readonly (readonly string[])[], commits: Commit[]): unknown {
    const target = this._resolve();
    commits.push(() => {
      this._nullState = target === null;
    });
    if (target === null) return null;
    const scalars = this._scalars();
    const effective = paths.length > 0 ? paths : Object.keys(scalars).map((k) => [k]);
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of effective) {
      if (head === undefined) continue;
      const list = groups.get(head) ?? [];
      list.push(rest);
      groups.set(head, list);
    }
    const out: Record<string, unknown> = {};
    for (const [head, rests] of groups) {
      const read = scalars[head];
      if (read) {
        if (rests.some((r) => r.length > 0)) throw doubleErrors.invalidArgument(`${this._typeName}.${head}`, 'not a navigation property');
        const value = clone(read(target as never));
        commits.push(() => this._loaded.set(head, value));
        out[head] = value;
        continue;
      }
      const child = this._navigations()[head]?.();
      if (!child) throw doubleErrors.invalidArgument(`${this._typeName}.${head}`, `no property '${head}'`);
      out[head] = child._execLoad(
        rests.filter((r) => r.length > 0),
        commits,
      );
    }
    return out;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  protected _get<T>(property: string): T {
    if (!this._loaded.has(property)) throw doubleErrors.propertyNotLoaded(this._typeName, property);
    return this._loaded.get(property) as T;
  }

  /** Queues a property write; `apply` changes the model at sync. */
  protected _set<V>(property: string, value: V, apply: (target: never, value: V) => void): void {
    const copy = clone(value);
    this._ctx._enqueue({
      proxy: this,
      action: { ActionType: ACTION.setProperty, Name: property, args: [copy] },
      execute: (commits) => {
        const target = this._resolve();
        if (target === null) throw doubleErrors.itemNotFound(`${this._typeName}.${property}`);
        apply(target as never, copy);
        commits.push(() => {
          this._nullState = false;
        });
        return null;
      },
    });
  }

  /** Queues a method call; `run` acts on the model at sync; its result is committed to `result`. */
  protected _call<R>(name: string, args: readonly unknown[], run: (target: never) => R, result?: ClientResultDouble<R>): void {
    this._ctx._enqueue({
      proxy: this,
      action: { ActionType: ACTION.method, Name: name, args },
      execute: (commits) => {
        const target = this._resolve();
        if (target === null) throw doubleErrors.itemNotFound(`${this._typeName}.${name}`);
        const value = run(target as never);
        commits.push(() => {
          this._nullState = false;
          result?._commit(clone(value));
        });
        return result ? (value ?? null) : null;
      },
    });
  }

  /** The same child proxy every time, so what was loaded on it stays readable. */
  protected _child<T extends DoubleObject>(name: string, make: () => T): T {
    this.navigationCache ??= new Map();
    let child = this.navigationCache.get(name);
    if (!child) {
      child = make();
      this.navigationCache.set(name, child);
    }
    return child as T;
  }

  /** A resolver for a child: null when this object is null. */
  protected _from<P>(f: (parentTarget: P) => unknown): Resolver {
    return () => {
      const target = this._resolve();
      return target === null ? null : f(target as P);
    };
  }
}

/** A collection proxy: `items` after load + sync; loads on the collection apply to its items. */
export abstract class DoubleCollection<Item extends DoubleObject> extends DoubleObject {
  protected abstract _itemsOf(target: never): readonly unknown[];
  protected abstract _itemProxy(model: unknown, index: number): Item;

  get items(): Item[] {
    return this._get<Item[]>('items');
  }

  override _execLoad(paths: readonly (readonly string[])[], commits: Commit[]): unknown {
    const target = this._resolve();
    commits.push(() => {
      this._nullState = target === null;
    });
    if (target === null) return null;
    const items = this._itemsOf(target as never).map((m, i) => this._itemProxy(m, i));
    commits.push(() => this._loaded.set('items', items));
    // 'items/name' and the shortcut 'name' both mean the items' name; 'items' alone their scalars.
    const itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0);
    return { items: items.map((item) => item._execLoad(itemPaths, commits)) };
  }

  override toJSON(): Record<string, unknown> {
    const items = this._loaded.get('items') as DoubleObject[] | undefined;
    return items ? { items: items.map((i) => i.toJSON()) } : {};
  }
}
