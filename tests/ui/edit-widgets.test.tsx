import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Money } from '../../src/shared/film-schema';
import { MoneyInput, RuntimeInput } from '../../src/renderer/src/edit/parsed-input';
import { RepeatableGroup } from '../../src/renderer/src/edit/repeatable-group';
import { StarRating } from '../../src/renderer/src/edit/star-rating';
import { tokenHint, TokenInput } from '../../src/renderer/src/edit/token-input';
import { splitTokens } from '../../src/renderer/src/edit/token-text';
import { ValidationProvider, type Validation } from '../../src/renderer/src/edit/validation-context';
import { fakeApi, withApi } from './edit-fake-api';

afterEach(cleanup);

function TokenHarness({
  initial,
  onValues,
  people = false,
}: {
  initial: string[];
  onValues: (values: string[]) => void;
  people?: boolean;
}) {
  const [values, setValues] = useState(initial);
  return (
    <TokenInput
      label={people ? 'Directors' : 'Genres'}
      path={people ? 'directors' : 'genres'}
      kind={people ? 'person' : 'genre'}
      value={values}
      onChange={(next) => {
        setValues(next);
        onValues(next);
      }}
    />
  );
}

describe('token input', () => {
  it('adds on Enter, splits a comma list, ignores a repeat in other case, and Backspace takes the last token back to edit', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    const api = fakeApi({ films: { suggest: () => Promise.resolve([]) } });
    render(withApi(api, <TokenHarness initial={['Documentary']} onValues={seen} />));
    const box = screen.getByRole('combobox', { name: 'Genres' });
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      tokenHint('genre'),
    );
    // A typed comma adds nothing yet: the whole text is split when Enter adds it.
    await user.type(box, 'Biography,');
    expect(seen).not.toHaveBeenCalled();
    expect((box as HTMLInputElement).value).toBe('Biography,');
    await user.type(box, ' Prison{Enter}');
    expect(seen).toHaveBeenLastCalledWith(['Documentary', 'Biography', 'Prison']);
    await user.type(box, 'documentary{Enter}');
    expect(seen).toHaveBeenLastCalledWith(['Documentary', 'Biography', 'Prison']);
    expect((box as HTMLInputElement).value).toBe('');
    await user.type(box, '{Backspace}');
    expect(seen).toHaveBeenLastCalledWith(['Documentary', 'Biography']);
    expect((box as HTMLInputElement).value).toBe('Prison');
    // Leaving the box keeps what was typed in it: nothing typed is lost by clicking elsewhere.
    await user.click(screen.getByRole('button', { name: 'Remove Documentary' }));
    expect(seen).toHaveBeenLastCalledWith(['Biography', 'Prison']);
  });

  it('offers the library’s values for what was typed, picked with the arrow keys', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    const suggest = vi.fn((query: { prefix?: string }) =>
      Promise.resolve(
        ['Drama', 'Documentary'].filter((g) =>
          g.toLowerCase().startsWith((query.prefix ?? '').toLowerCase()),
        ),
      ),
    );
    render(withApi(fakeApi({ films: { suggest } }), <TokenHarness initial={[]} onValues={seen} />));
    const box = screen.getByRole('combobox', { name: 'Genres' });
    await user.type(box, 'do');
    const list = await screen.findByRole('listbox', { name: 'Suggestions for Genres' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Documentary']),
    );
    expect(suggest).toHaveBeenLastCalledWith({ kind: 'genre', prefix: 'do', limit: 8 });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(seen).toHaveBeenLastCalledWith(['Documentary']);
  });

  it('keeps “Sammy Davis, Jr.” one person: a comma before a name suffix does not separate', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(withApi(fakeApi({}), <TokenHarness initial={[]} onValues={seen} people />));
    const box = screen.getByRole('combobox', { name: 'Directors' });
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Enter or Tab adds. Commas separate names, except before Jr., Sr., II or III.',
    );
    await user.type(box, 'Sammy Davis, Jr.{Enter}');
    expect(seen).toHaveBeenLastCalledWith(['Sammy Davis, Jr.']);
    expect(screen.getByRole('button', { name: 'Remove Sammy Davis, Jr.' })).toBeTruthy();
    await user.type(box, 'Frank Sinatra, Davis, Sr.; Ralph Lauren, III{Enter}');
    expect(seen).toHaveBeenLastCalledWith([
      'Sammy Davis, Jr.',
      'Frank Sinatra',
      'Davis, Sr.',
      'Ralph Lauren, III',
    ]);
  });

  it('adds on Tab and moves on; a suggestion chosen with the arrows is what Tab adds', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    const suggest = vi.fn((query: { prefix?: string }) =>
      Promise.resolve(['Dean Martin'].filter((name) => name.startsWith(query.prefix ?? ''))),
    );
    render(
      withApi(
        fakeApi({ films: { suggest } }),
        <>
          <TokenHarness initial={[]} onValues={seen} people />
          <button type="button">Next</button>
        </>,
      ),
    );
    const box = screen.getByRole('combobox', { name: 'Directors' });
    await user.type(box, 'Sammy Davis, Jr.');
    await user.tab();
    expect(seen).toHaveBeenLastCalledWith(['Sammy Davis, Jr.']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next' }));
    // Back in the box: the suggestions are for the part after the last separating comma.
    await user.click(box);
    await user.type(box, 'Joey Bishop, De');
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Dean Martin']),
    );
    expect(suggest).toHaveBeenLastCalledWith({ kind: 'person', prefix: 'De', limit: 8 });
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(seen).toHaveBeenLastCalledWith(['Sammy Davis, Jr.', 'Joey Bishop', 'Dean Martin']);
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('adds each line of a paste at once; one pasted name waits in the box for Enter', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(withApi(fakeApi({}), <TokenHarness initial={[]} onValues={seen} people />));
    const box = screen.getByRole('combobox', { name: 'Directors' }) as HTMLInputElement;
    await user.click(box);
    await user.paste('Sammy Davis, Jr.\r\nDean Martin\nPeter Lawford\n');
    expect(seen).toHaveBeenLastCalledWith(['Sammy Davis, Jr.', 'Dean Martin', 'Peter Lawford']);
    expect(box.value).toBe('');
    seen.mockClear();
    await user.paste('Frank Sinatra, Jr.');
    expect(seen).not.toHaveBeenCalled();
    expect(box.value).toBe('Frank Sinatra, Jr.');
    await user.keyboard('{Enter}');
    expect(seen).toHaveBeenLastCalledWith([
      'Sammy Davis, Jr.',
      'Dean Martin',
      'Peter Lawford',
      'Frank Sinatra, Jr.',
    ]);
  });

  it('moves a token with Alt+Arrow, keeping the order it is given', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(withApi(fakeApi({}), <TokenHarness initial={['A', 'B', 'C']} onValues={seen} />));
    screen.getByRole('button', { name: 'Remove C' }).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(seen).toHaveBeenLastCalledWith(['A', 'C', 'B']);
  });
});

describe('token text', () => {
  it('splits lines, semicolons and commas, keeping a comma before Jr., Sr., II, III with its name', () => {
    expect(splitTokens('Drama, Comedy;Film Noir\n\nWestern ,')).toEqual([
      'Drama',
      'Comedy',
      'Film Noir',
      'Western',
    ]);
    expect(splitTokens('Sammy Davis, Jr., Frank Sinatra')).toEqual(['Sammy Davis, Jr.', 'Frank Sinatra']);
    expect(splitTokens('Davis, jr, Lauren, III, King, Sr, Louis, II, Otto, IV')).toEqual([
      'Davis, jr',
      'Lauren, III',
      'King, Sr',
      'Louis, II',
      'Otto, IV',
    ]);
    // A suffix only counts as the whole part: "Jr. Smith" is a name of its own, and a leading one stays.
    expect(splitTokens('Davis, Jr. Smith')).toEqual(['Davis', 'Jr. Smith']);
    expect(splitTokens(', Jr.')).toEqual(['Jr.']);
  });
});

type Member = { person: string };

function GroupHarness({ onItems }: { onItems: (items: Member[], map: (number | null)[]) => void }) {
  const [items, setItems] = useState<Member[]>([{ person: 'Ana' }, { person: 'Ben' }, { person: 'Cleo' }]);
  return (
    <RepeatableGroup<Member>
      label="Cast"
      path="cast"
      itemName="cast member"
      items={items}
      describe={(member) => member.person}
      newItem={() => ({ person: '' })}
      onChange={(next, map) => {
        setItems(next);
        onItems(next, map);
      }}
      renderItem={({ item, path, set }) => (
        <input
          aria-label={`Person of ${path}`}
          value={item.person}
          onChange={(event) => set({ person: event.target.value })}
        />
      )}
    />
  );
}

describe('repeatable group', () => {
  it('reorders from the keyboard: arrows on the handle, Alt+arrows inside an item; focus follows the item', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(<GroupHarness onItems={seen} />);
    const handle = screen.getByRole('button', { name: 'Reorder cast member 1, Ana' });
    handle.focus();
    await user.keyboard('{ArrowDown}');
    expect(seen).toHaveBeenLastCalledWith(
      [{ person: 'Ben' }, { person: 'Ana' }, { person: 'Cleo' }],
      [1, 0, 2],
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reorder cast member 2, Ana' })),
    );
    expect(screen.getByText('Moved cast member 1, Ana to position 2 of 3.')).toBeTruthy();

    const cleo = screen.getByLabelText('Person of cast[2]');
    await user.click(cleo);
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(seen).toHaveBeenLastCalledWith(
      [{ person: 'Ben' }, { person: 'Cleo' }, { person: 'Ana' }],
      [0, 2, 1],
    );
    // An edited item keeps its own input after moving: the React keys move with the items.
    await user.type(screen.getByLabelText('Person of cast[1]'), 'x');
    expect(seen).toHaveBeenLastCalledWith(
      [{ person: 'Ben' }, { person: 'Cleox' }, { person: 'Ana' }],
      [0, 1, 2],
    );
  });

  it('adds an item at the end, focused, and removes one saying where the others went', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(<GroupHarness onItems={seen} />);
    await user.click(screen.getByRole('button', { name: '+ Add cast member' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Person of cast[3]')));
    await user.click(screen.getByRole('button', { name: 'Remove cast member 2, Ben' }));
    expect(seen).toHaveBeenLastCalledWith(
      [{ person: 'Ana' }, { person: 'Cleo' }, { person: '' }],
      [0, null, 1, 2],
    );
    expect(screen.getByRole('button', { name: 'Move cast member 1, Ana up' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});

function quietValidation(reportLocal: Validation['reportLocal']): Validation {
  return { problems: [], showAll: false, touched: new Set(), touch: () => undefined, reportLocal };
}

function MoneyHarness({ onValue }: { onValue: (money: Money | null) => void }) {
  const [value, setValue] = useState<Money | null>(null);
  return (
    <MoneyInput
      label="Worldwide gross"
      path="boxOffice.worldwide"
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('money and runtime inputs', () => {
  it('reads “$1.2 million” as 1,200,000 USD and shows it; unreadable text reports a problem and keeps the value', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    const reportLocal = vi.fn();
    render(
      <ValidationProvider value={quietValidation(reportLocal)}>
        <MoneyHarness onValue={seen} />
      </ValidationProvider>,
    );
    const box = screen.getByLabelText('Worldwide gross');
    await user.type(box, '$1.2 million');
    expect(seen).toHaveBeenLastCalledWith({ amount: 1_200_000, currency: 'USD' });
    expect(screen.getByText('= 1,200,000 USD')).toBeTruthy();
    await user.clear(box);
    expect(seen).toHaveBeenLastCalledWith(null);
    expect(screen.getByText('Unknown')).toBeTruthy();
    await user.type(box, '€3,4 Mio.');
    expect(seen).toHaveBeenLastCalledWith({ amount: 3_400_000, currency: 'EUR' });
    seen.mockClear();
    await user.type(box, ' and change');
    expect(seen).not.toHaveBeenCalled();
    expect(reportLocal).toHaveBeenLastCalledWith(
      'boxOffice.worldwide',
      expect.stringContaining('is not an amount of money'),
    );
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('reads “1h 29min”, “89 min” and “1:29” as 89 minutes', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    function Harness() {
      const [value, setValue] = useState<number | null>(null);
      return (
        <RuntimeInput
          label="Runtime"
          path="runtimeMinutes"
          value={value}
          onChange={(next) => {
            setValue(next);
            seen(next);
          }}
        />
      );
    }
    render(<Harness />);
    const box = screen.getByLabelText('Runtime');
    for (const text of ['1h 29min', '89 min', '1:29']) {
      await user.clear(box);
      await user.type(box, text);
      expect(seen).toHaveBeenLastCalledWith(89);
    }
    expect(screen.getByText('= 89 minutes (1h 29min)')).toBeTruthy();
  });

  it('shows a value set from outside (a reload) in place of what was typed', () => {
    const { rerender } = render(
      <RuntimeInput label="Runtime" path="runtimeMinutes" value={89} onChange={() => undefined} />,
    );
    expect((screen.getByLabelText('Runtime') as HTMLInputElement).value).toBe('1h 29min');
    rerender(<RuntimeInput label="Runtime" path="runtimeMinutes" value={120} onChange={() => undefined} />);
    expect((screen.getByLabelText('Runtime') as HTMLInputElement).value).toBe('2h');
  });
});

describe('star rating', () => {
  function Harness({ onValue }: { onValue: (value: number | null) => void }) {
    const [value, setValue] = useState<number | null>(null);
    return (
      <StarRating
        label="Your rating"
        path="userRating"
        value={value}
        onChange={(next) => {
          setValue(next);
          onValue(next);
        }}
      />
    );
  }

  it('steps by halves from the keyboard, jumps with Home/End, clears with Delete', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(<Harness onValue={seen} />);
    const slider = screen.getByRole('slider', { name: 'Your rating' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Not rated');
    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(seen).toHaveBeenLastCalledWith(0.5);
    await user.keyboard('{ArrowRight}{ArrowRight}{PageUp}');
    expect(seen).toHaveBeenLastCalledWith(2.5);
    expect(slider.getAttribute('aria-valuetext')).toBe('2.5 of 10');
    await user.keyboard('{End}{ArrowRight}');
    expect(seen).toHaveBeenLastCalledWith(10);
    await user.keyboard('{ArrowLeft}');
    expect(seen).toHaveBeenLastCalledWith(9.5);
    await user.keyboard('{Delete}');
    expect(seen).toHaveBeenLastCalledWith(null);
  });

  it('takes a click on a star’s left half as the half star', () => {
    const seen = vi.fn();
    render(<Harness onValue={seen} />);
    const star = document.querySelector<HTMLElement>('[data-star="4"]')!;
    star.getBoundingClientRect = () => ({
      left: 100,
      width: 20,
      top: 0,
      height: 20,
      right: 120,
      bottom: 20,
      x: 100,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.click(star, { clientX: 104 });
    expect(seen).toHaveBeenLastCalledWith(3.5);
    fireEvent.click(star, { clientX: 116 });
    expect(seen).toHaveBeenLastCalledWith(4);
    act(() => undefined);
  });
});
