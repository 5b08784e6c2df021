/**
 * Workbook-level storage in the workbook double: custom XML parts (by namespace)
 * and settings (values kept as JSON text). Neither is affected by sheet protection.
 */
import { ClientResultDouble, DoubleCollection, DoubleObject, PATH, type DoubleContext } from './workbookDoubleCore';
import { doubleErrors } from './workbookDoubleErrors';
import { newId, type CustomXmlPartModel, type WorkbookModel } from './workbookDoubleModel';
import { model } from './workbookDoubleShared';

/** The namespace of the root element, or undefined when the text is not one well-formed-looking element. */
export function rootNamespace(xml: string): string | undefined {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.-]*)(?::([\w.-]+))?((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml);
  if (!m) return undefined;
  const [, first, second, attributes = '', selfClosing] = m;
  const prefix = second ? first : undefined;
  const name = second ? `${first}:${second}` : first!;
  const rest = xml.slice(m.index + m[0].length);
  if (selfClosing ? rest.trim() !== '' : !new RegExp(`</${name.replace(/[.]/g, '\\.')}\\s*>\\s*$`).test(rest)) return undefined;
  const attr = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return attr ? (attr[1] ?? attr[2]) : undefined;
}

function alivePart(ctx: DoubleContext, part: CustomXmlPartModel): CustomXmlPartModel {
  if (!model(ctx).parts.includes(part)) throw doubleErrors.itemNotFound('CustomXmlPart');
  return part;
}

export class CustomXmlPartCollectionDouble extends DoubleCollection<CustomXmlPartDouble> {
  readonly _typeName = 'CustomXmlPartCollection';

  constructor(ctx: DoubleContext, parent: DoubleObject) {
    super(ctx, { parent, name: 'CustomXmlParts', resolve: () => model(ctx) });
  }

  protected _itemsOf(m: WorkbookModel): readonly unknown[] {
    return [...m.parts];
  }

  protected _itemProxy(part: CustomXmlPartModel): CustomXmlPartDouble {
    return new CustomXmlPartDouble(this._ctx, this, 'GetItem', [part.id], () => alivePart(this._ctx, part));
  }

  add(xml: string): CustomXmlPartDouble {
    let created: CustomXmlPartModel | undefined;
    const proxy = new CustomXmlPartDouble(this._ctx, this, 'Add', [xml], () => {
      if (!created) throw doubleErrors.itemNotFound('CustomXmlPartCollection.add (not synced yet)');
      return alivePart(this._ctx, created);
    });
    this._call('Add', [xml], (m: WorkbookModel) => {
      const namespaceUri = typeof xml === 'string' ? rootNamespace(xml) : undefined;
      if (namespaceUri === undefined) throw doubleErrors.invalidArgument('CustomXmlPartCollection.add', 'not well-formed XML with a namespace');
      created = { id: newId(m, '{part-'), namespaceUri, xml };
      m.parts.push(created);
    });
    return proxy;
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionDouble {
    return new CustomXmlPartScopedCollectionDouble(this._ctx, this, namespaceUri);
  }

  getItem(id: string): CustomXmlPartDouble {
    return new CustomXmlPartDouble(this._ctx, this, 'GetItem', [id], () => {
      const part = model(this._ctx).parts.find((p) => p.id === id);
      if (!part) throw doubleErrors.itemNotFound(`CustomXmlPartCollection.getItem(${id})`);
      return part;
    });
  }

  getItemOrNullObject(id: string): CustomXmlPartDouble {
    return new CustomXmlPartDouble(this._ctx, this, 'GetItemOrNullObject', [id], () => model(this._ctx).parts.find((p) => p.id === id) ?? null);
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (m: WorkbookModel) => m.parts.length, result);
    return result;
  }
}

export class CustomXmlPartScopedCollectionDouble extends DoubleCollection<CustomXmlPartDouble> {
  readonly _typeName = 'CustomXmlPartScopedCollection';

  constructor(
    ctx: DoubleContext,
    parent: CustomXmlPartCollectionDouble,
    private readonly namespaceUri: string,
  ) {
    super(ctx, { parent, name: 'GetByNamespace', args: [namespaceUri], type: PATH.method, resolve: () => model(ctx) });
  }

  protected _itemsOf(m: WorkbookModel): readonly unknown[] {
    return m.parts.filter((p) => p.namespaceUri === this.namespaceUri);
  }

  protected _itemProxy(part: CustomXmlPartModel): CustomXmlPartDouble {
    return new CustomXmlPartDouble(this._ctx, this, 'GetItem', [part.id], () => alivePart(this._ctx, part));
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (m: WorkbookModel) => this._itemsOf(m).length, result);
    return result;
  }

  getItem(id: string): CustomXmlPartDouble {
    return new CustomXmlPartDouble(this._ctx, this, 'GetItem', [id], () => {
      const part = (this._itemsOf(model(this._ctx)) as CustomXmlPartModel[]).find((p) => p.id === id);
      if (!part) throw doubleErrors.itemNotFound(`CustomXmlPartScopedCollection.getItem(${id})`);
      return part;
    });
  }

  getOnlyItem(): CustomXmlPartDouble {
    return new CustomXmlPartDouble(this._ctx, this, 'GetOnlyItem', [], () => {
      const parts = this._itemsOf(model(this._ctx)) as CustomXmlPartModel[];
      if (parts.length !== 1) throw doubleErrors.invalidOperation('CustomXmlPartScopedCollection.getOnlyItem');
      return parts[0]!;
    });
  }

  getOnlyItemOrNullObject(): CustomXmlPartDouble {
    return new CustomXmlPartDouble(this._ctx, this, 'GetOnlyItemOrNullObject', [], () => {
      const parts = this._itemsOf(model(this._ctx)) as CustomXmlPartModel[];
      return parts.length === 1 ? parts[0]! : null;
    });
  }
}

export class CustomXmlPartDouble extends DoubleObject {
  readonly _typeName = 'CustomXmlPart';

  constructor(ctx: DoubleContext, parent: DoubleObject, method: string, args: readonly unknown[], resolve: () => unknown) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: CustomXmlPartModel) => unknown> {
    return { id: (p) => p.id, namespaceUri: (p) => p.namespaceUri };
  }

  get id(): string {
    return this._get('id');
  }
  get namespaceUri(): string {
    return this._get('namespaceUri');
  }

  getXml(): ClientResultDouble<string> {
    const result = new ClientResultDouble<string>();
    this._call('GetXml', [], (p: CustomXmlPartModel) => p.xml, result);
    return result;
  }

  setXml(xml: string): void {
    this._call('SetXml', [xml], (p: CustomXmlPartModel) => {
      if (rootNamespace(xml) !== p.namespaceUri) throw doubleErrors.invalidArgument('CustomXmlPart.setXml', 'namespace changed or XML not well-formed');
      p.xml = xml;
    });
  }

  delete(): void {
    this._call('Delete', [], (p: CustomXmlPartModel) => {
      const parts = model(this._ctx).parts;
      parts.splice(parts.indexOf(p), 1);
    });
  }
}

// ───────────────────────────── settings ─────────────────────────────

interface SettingTarget {
  readonly key: string;
}

export class SettingCollectionDouble extends DoubleCollection<SettingDouble> {
  readonly _typeName = 'SettingCollection';

  constructor(ctx: DoubleContext, parent: DoubleObject) {
    super(ctx, { parent, name: 'Settings', resolve: () => model(ctx) });
  }

  protected _itemsOf(m: WorkbookModel): readonly unknown[] {
    return [...m.settings.keys()].map((key) => ({ key }));
  }

  protected _itemProxy(item: SettingTarget): SettingDouble {
    return new SettingDouble(this._ctx, this, 'GetItem', [item.key], () => this.existing(item.key));
  }

  private existing(key: string): SettingTarget {
    if (!model(this._ctx).settings.has(key)) throw doubleErrors.itemNotFound(`Setting ${key}`);
    return { key };
  }

  add(key: string, value: unknown): SettingDouble {
    this._call('Add', [key, value], (m: WorkbookModel) => {
      m.settings.set(key, JSON.stringify(value ?? null));
    });
    return new SettingDouble(this._ctx, this, 'Add', [key, value], () => this.existing(key));
  }

  getItem(key: string): SettingDouble {
    return new SettingDouble(this._ctx, this, 'GetItem', [key], () => this.existing(key));
  }

  getItemOrNullObject(key: string): SettingDouble {
    return new SettingDouble(this._ctx, this, 'GetItemOrNullObject', [key], () => (model(this._ctx).settings.has(key) ? { key } : null));
  }

  getCount(): ClientResultDouble<number> {
    const result = new ClientResultDouble<number>();
    this._call('GetCount', [], (m: WorkbookModel) => m.settings.size, result);
    return result;
  }
}

export class SettingDouble extends DoubleObject {
  readonly _typeName = 'Setting';

  constructor(ctx: DoubleContext, parent: SettingCollectionDouble, method: string, args: readonly unknown[], resolve: () => unknown) {
    super(ctx, { parent, name: method, args, type: PATH.method, resolve });
  }

  protected override _scalars(): Record<string, (t: SettingTarget) => unknown> {
    return { key: (t) => t.key, value: (t) => JSON.parse(model(this._ctx).settings.get(t.key) ?? 'null') as unknown };
  }

  get key(): string {
    return this._get('key');
  }
  get value(): unknown {
    return this._get('value');
  }
  set value(v: unknown) {
    this._set('Value', v, (t: SettingTarget, value) => {
      model(this._ctx).settings.set(t.key, JSON.stringify(value ?? null));
    });
  }

  delete(): void {
    this._call('Delete', [], (t: SettingTarget) => {
      model(this._ctx).settings.delete(t.key);
    });
  }
}
