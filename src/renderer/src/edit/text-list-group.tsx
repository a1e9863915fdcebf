import { RequiredTextField } from './fields';
import { RepeatableGroup } from './repeatable-group';

/** A list of longer texts in order (trivia, who would enjoy, content warnings). */
export function TextListGroup(props: {
  label: string;
  path: string;
  itemName: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
}) {
  return (
    <RepeatableGroup<string>
      label={props.label}
      path={props.path}
      itemName={props.itemName}
      items={props.items}
      describe={(text) => text}
      newItem={() => ''}
      itemProblems={false}
      onChange={(items) => props.onChange(items)}
      renderItem={({ item, path, set }) => (
        <RequiredTextField label="Text" path={path} multiline value={item} onChange={set} />
      )}
    />
  );
}
