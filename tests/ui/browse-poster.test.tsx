import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FilmSummary } from '../../src/shared/browse';
import { FilmCard } from '../../src/renderer/src/browse/film-card';

const summary = (hasPoster: boolean): FilmSummary =>
  ({
    id: '5713b0b1-e68f-479c-8000-000000000001',
    title: 'The Work',
    sortTitle: 'Work, The',
    year: 2017,
    runtimeMinutes: 89,
    directors: [],
    genres: [],
    userRating: null,
    imdbRating: null,
    rottenTomatoes: null,
    seen: false,
    onLoan: false,
    overdue: false,
    media: [],
    locations: [],
    hasPoster,
    addedAt: '2026-11-26T00:00:00.000Z',
    match: null,
  }) as FilmSummary;

describe('a grid card’s poster', () => {
  it('shows the film’s own poster through the poster scheme', () => {
    render(<FilmCard film={summary(true)} />);
    const poster = screen.getByRole('img', { name: 'Poster of The Work' });
    expect(poster.getAttribute('src')).toBe('filmfolio-poster://film/5713b0b1-e68f-479c-8000-000000000001');
  });

  it('falls back to the placeholder when the film has none, or when the image fails to load', () => {
    const { unmount } = render(<FilmCard film={summary(false)} />);
    expect(screen.queryByRole('img', { name: 'Poster of The Work' })).toBeNull();
    unmount();
    render(<FilmCard film={summary(true)} />);
    fireEvent.error(screen.getByRole('img', { name: 'Poster of The Work' }));
    expect(screen.queryByRole('img', { name: 'Poster of The Work' })).toBeNull();
  });
});
