import {
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { FilmDraft } from './draft';
import { useEditorHistory } from './editor-history';
import { fieldId } from './labels';
import { useFieldProblems } from './validation-context';

/** Where each old item went: `indexMap[old] = new index`, or null when it was removed. */
export type IndexMap = (number | null)[];

export type ItemProps<T> = {
  item: T;
  index: number;
  /** The item's path, e.g. `cast[2]`; its fields add their own name. */
  path: string;
  set: (item: T) => void;
};

export type RepeatableGroupProps<T> = {
  label: string;
  path: string;
  items: readonly T[];
  onChange: (items: T[], indexMap: IndexMap) => void;
  newItem: () => T;
  /** What one item is called: "cast member", "quote". */
  itemName: string;
  /** A few words naming an item, for announcements and the undo offer. */
  describe?: (item: T) => string;
  renderItem: (props: ItemProps<T>) => ReactNode;
  /** Something to show after the items, beside the add button. */
  footer?: ReactNode;
  /** False when an item is a single field that shows its own problems (a list of texts). */
  itemProblems?: boolean;
};

const identity = (length: number): IndexMap => Array.from({ length }, (_, i) => i);

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

function moveMap(length: number, from: number, to: number): IndexMap {
  return moved(identity(length), from, to).reduce<IndexMap>((map, old, position) => {
    if (old !== null) map[old] = position;
    return map;
  }, identity(length));
}

const FOCUSABLE = 'input, textarea, select, button:not(.drag-handle)';

/** Stable keys for the items, moved along with them so a reordered item keeps its inputs. */
function useItemKeys(length: number) {
  const keys = useRef<string[]>([]);
  const next = useRef(0);
  const fresh = () => `item-${(next.current += 1)}`;
  if (keys.current.length !== length) keys.current = Array.from({ length }, fresh);
  return { keys, fresh };
}

/**
 * A repeated group of a film (cast, quotes, copies…): add, remove with an Undo on offer, and
 * reorder by dragging the handle or from the keyboard (Arrow Up/Down on the handle, or Alt+Arrow
 * anywhere in an item). Moves are announced for screen readers.
 */
export function RepeatableGroup<T>(props: RepeatableGroupProps<T>) {
  const { items, onChange, itemName, describe, path } = props;
  const { keys, fresh } = useItemKeys(items.length);
  const history = useEditorHistory();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<{ key: string; handle: boolean } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removed, setRemoved] = useState<{ before: FilmDraft; after: FilmDraft; text: string } | null>(null);
  const [drag, setDrag] = useState<{ from: number; over: number | null } | null>(null);
  const helpId = useId();
  const groupProblems = useFieldProblems(path, false, true);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-key="${target.key}"]`);
    const element = target.handle
      ? item?.querySelector<HTMLElement>('.drag-handle')
      : item?.querySelector<HTMLElement>(FOCUSABLE);
    element?.focus();
  });

  const name = (item: T, index: number) => {
    const words = describe?.(item).trim();
    return `${itemName} ${index + 1}${words ? `, ${words.length > 40 ? `${words.slice(0, 40)}…` : words}` : ''}`;
  };

  const add = () => {
    const key = fresh();
    keys.current = [...keys.current, key];
    focusNext.current = { key, handle: false };
    onChange([...items, props.newItem()], identity(items.length));
  };

  const remove = (index: number) => {
    const before = history.current();
    const text = `Removed ${name(items[index] as T, index)}.`;
    keys.current = keys.current.filter((_, i) => i !== index);
    const map = identity(items.length).map((old) => (old === index ? null : old! > index ? old! - 1 : old));
    onChange(
      items.filter((_, i) => i !== index),
      map,
    );
    const after = history.current();
    setRemoved(before && after ? { before, after, text } : null);
    setAnnouncement(text);
    const nextKey = keys.current[Math.min(index, keys.current.length - 1)];
    if (nextKey) focusNext.current = { key: nextKey, handle: true };
    else addRef.current?.focus();
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    keys.current = moved(keys.current, from, to);
    focusNext.current = { key: keys.current[to]!, handle: true };
    onChange(moved(items, from, to), moveMap(items.length, from, to));
    setAnnouncement(`Moved ${name(items[from] as T, from)} to position ${to + 1} of ${items.length}.`);
  };

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    const onHandle = (event.target as HTMLElement).classList.contains('drag-handle');
    if (!(event.altKey || onHandle) || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
  };

  const dropAt = (event: DragEvent<HTMLLIElement>, index: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY > box.top + box.height / 2 ? index + 1 : index;
  };

  return (
    <fieldset className="group" id={fieldId(path)} tabIndex={-1}>
      <legend>
        {props.label} <span className="count">{items.length}</span>
      </legend>
      <p id={helpId} className="sr-only">
        Drag the handle, or focus it and press Arrow Up or Down, to reorder.
      </p>
      {groupProblems.length > 0 ? <p className="field-error">{groupProblems.join('; ')}</p> : null}
      {items.length > 0 ? (
        <ol className="group-items" ref={listRef} onDragEnd={() => setDrag(null)}>
          {items.map((item, index) => (
            <GroupItem
              key={keys.current[index]}
              itemKey={keys.current[index]!}
              path={`${path}[${index}]`}
              label={name(item, index)}
              index={index}
              count={items.length}
              helpId={helpId}
              showProblems={props.itemProblems !== false}
              dropBefore={
                drag !== null && drag.over === index && drag.from !== index && drag.from !== index - 1
              }
              dropAfter={
                drag !== null &&
                drag.over === items.length &&
                index === items.length - 1 &&
                drag.from !== index
              }
              onKeyDown={(event) => onItemKey(event, index)}
              onDragStart={() => setDrag({ from: index, over: null })}
              onDragOver={(event) => {
                if (!drag) return;
                event.preventDefault();
                const over = dropAt(event, index);
                if (over !== drag.over) setDrag({ ...drag, over });
              }}
              onDrop={(event) => {
                if (!drag) return;
                event.preventDefault();
                const to = dropAt(event, index);
                move(drag.from, to > drag.from ? to - 1 : to);
                setDrag(null);
              }}
              onMove={(to) => move(index, to)}
              onRemove={() => remove(index)}
            >
              {props.renderItem({
                item,
                index,
                path: `${path}[${index}]`,
                set: (next) =>
                  onChange(
                    items.map((old, i) => (i === index ? next : old)),
                    identity(items.length),
                  ),
              })}
            </GroupItem>
          ))}
        </ol>
      ) : null}
      <div className="group-footer">
        <button type="button" ref={addRef} className="add" onClick={add}>
          + Add {itemName}
        </button>
        {props.footer}
        {removed ? <UndoOffer {...removed} /> : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}

/** "Removed … Undo", on offer only while the film is exactly as the removal left it. */
function UndoOffer({ before, after, text }: { before: FilmDraft; after: FilmDraft; text: string }) {
  const history = useEditorHistory();
  const current = useSyncExternalStore(history.subscribe, history.current);
  if (current !== after) return null;
  return (
    <span className="undo-offer" role="status">
      {text}{' '}
      <button type="button" className="link" onClick={() => history.restore(before)}>
        Undo
      </button>
    </span>
  );
}

type GroupItemProps = {
  itemKey: string;
  path: string;
  label: string;
  index: number;
  count: number;
  helpId: string;
  showProblems: boolean;
  dropBefore: boolean;
  dropAfter: boolean;
  children: ReactNode;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  onDragStart: () => void;
  onDragOver: (event: DragEvent<HTMLLIElement>) => void;
  onDrop: (event: DragEvent<HTMLLIElement>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
};

function GroupItem(props: GroupItemProps) {
  const problems = useFieldProblems(props.path, false, true);
  const itemRef = useRef<HTMLLIElement>(null);
  const classes = ['group-item', props.dropBefore ? 'drop-before' : '', props.dropAfter ? 'drop-after' : ''];
  return (
    <li
      ref={itemRef}
      className={classes.filter(Boolean).join(' ')}
      data-key={props.itemKey}
      // A list of texts has one field per item, which carries the item's id itself.
      id={props.showProblems ? fieldId(props.path) : undefined}
      tabIndex={-1}
      aria-label={props.label}
      onKeyDown={props.onKeyDown}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
    >
      <div className="item-tools">
        <button
          type="button"
          className="drag-handle"
          draggable
          aria-label={`Reorder ${props.label}`}
          aria-describedby={props.helpId}
          title="Drag, or press ↑/↓, to reorder"
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', String(props.index));
            if (itemRef.current) event.dataTransfer.setDragImage(itemRef.current, 16, 16);
            props.onDragStart();
          }}
        >
          <span aria-hidden="true">⠿</span>
          <span className="item-number">{props.index + 1}</span>
        </button>
      </div>
      <div className="item-fields">
        {props.children}
        {props.showProblems && problems.length > 0 ? (
          <p className="field-error">{problems.join('; ')}</p>
        ) : null}
      </div>
      <div className="item-actions">
        <button
          type="button"
          aria-label={`Move ${props.label} up`}
          title="Move up (Alt+↑)"
          disabled={props.index === 0}
          onClick={() => props.onMove(props.index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${props.label} down`}
          title="Move down (Alt+↓)"
          disabled={props.index === props.count - 1}
          onClick={() => props.onMove(props.index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="remove"
          aria-label={`Remove ${props.label}`}
          title="Remove"
          onClick={props.onRemove}
        >
          ✕
        </button>
      </div>
    </li>
  );
}
