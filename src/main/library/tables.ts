/** The tables browse queries through Kysely (the write path uses prepared statements directly). */
export type LibraryTables = {
  films: {
    key: number;
    id: string;
    title: string;
    sort_title: string;
    year: number | null;
    runtime_minutes: number | null;
    user_rating: number | null;
    added_at: string;
    updated_at: string;
    deleted_at: string | null;
  };
  films_fts: { rowid: number; films_fts: string; rank: number };
  people: { key: number; name: string };
  film_credits: { film_key: number; role: string; position: number; person_key: number };
  film_terms: { film_key: number; kind: string; position: number; value: string };
  film_ratings: { film_key: number; position: number; source: string; value: number; scale: number };
  film_copies: { film_key: number; position: number; medium: string; location: string | null };
  film_loans: { film_key: number; position: number; due_on: string | null; returned_on: string | null };
  film_watched: { film_key: number; position: number };
  film_posters: { film_key: number };
};
