import { describe, expect, it } from 'vitest';
import { posterAddress } from '../../src/shared/poster-address';
import {
  filmIdOfPosterUrl,
  posterResponse,
  readPoster,
  type StoredPoster,
} from '../../src/main/poster-protocol';
import { sampleFilm, tempLibrary } from '../support/temp-library';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const ID = '0e5c3a52-1f7e-4a4f-9b7c-3c8d2e1f0a11';

const get = (url: string) => ({ url, method: 'GET' });

describe('the poster scheme', () => {
  it('serves a film’s poster by its id, with its own content type and nothing to sniff', async () => {
    const library = await tempLibrary();
    const film = library.create({
      ...sampleFilm(),
      id: undefined,
      poster: `data:image/png;base64,${PNG_BASE64}`,
    });
    const response = posterResponse(get(posterAddress(film.id)), (id) => readPoster(library.sqlite, id));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
    const other = library.create({ title: 'No Poster' });
    expect(posterResponse(get(posterAddress(other.id)), (id) => readPoster(library.sqlite, id)).status).toBe(
      404,
    );
  });

  it('answers only filmfolio-poster://film/<uuid>, and only to reading', () => {
    expect(filmIdOfPosterUrl(posterAddress(ID))).toBe(ID);
    for (const address of [
      `filmfolio-poster://film/${ID}/extra`,
      `filmfolio-poster://film/${ID}?size=large`,
      `filmfolio-poster://film/${ID}#x`,
      `filmfolio-poster://user:pw@film/${ID}`,
      `filmfolio-poster://poster/${ID}`,
      `filmfolio-poster://film/..%2Flibrary.sqlite`,
      'filmfolio-poster://film/1 OR 1=1',
      `file:///film/${ID}`,
      `https://film/${ID}`,
      'not an address',
    ]) {
      expect(filmIdOfPosterUrl(address), address).toBeNull();
    }
    const read = () => ({ mediaType: 'image/png', bytes: new Uint8Array([1]) });
    expect(posterResponse({ url: posterAddress(ID), method: 'POST' }, read).status).toBe(405);
    expect(posterResponse(get(`filmfolio-poster://film/${ID}/x`), read).status).toBe(400);
  });

  it('refuses to serve a stored type that is not an image Filmfolio shows, and survives a failing read', () => {
    const svg: StoredPoster = {
      mediaType: 'image/svg+xml',
      bytes: new TextEncoder().encode('<svg onload="x()"/>'),
    };
    expect(posterResponse(get(posterAddress(ID)), () => svg).status).toBe(415);
    const broken = () => {
      throw new Error('database is locked');
    };
    const response = posterResponse(get(posterAddress(ID)), broken);
    expect(response.status).toBe(500);
  });
});
