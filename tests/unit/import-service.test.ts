import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTransferService } from '../../src/main/library/transfer';
import { libraryText, writeFixture } from '../support/library-files';
import { tempFolder, tempLibrary } from '../support/temp-library';

/** The transfer service behind the IPC channels: preview kept in main, jobs polled and cancelled by id. */
describe('imports and exports as the window drives them', () => {
  it('previews, re-summarises for other decisions, commits by preview id and reports progress by job id', async () => {
    const library = await tempLibrary();
    library.create({ title: 'Stalker', year: 1979 });
    const service = createTransferService(() => library);
    const path = writeFixture(
      tempFolder(),
      'in.json',
      libraryText([{ title: 'Stalker', year: 1979, notes: 'x' }, { title: 'Mirror' }]),
    );
    const preview = await service.previewImport(path, 'skip', 'job-1');
    expect(preview.counts).toMatchObject({ new: 1, skipped: 1 });
    expect(service.progress('job-1')).toMatchObject({ phase: 'done' });
    expect(service.summarizeImport(preview.previewId, { rule: 'replace' }).counts).toMatchObject({
      new: 1,
      updated: 1,
    });
    const result = await service.commitImport(preview.previewId, { rule: 'replace' }, 'job-2');
    expect(result.counts).toMatchObject({ new: 1, updated: 1 });
    expect(service.progress('job-2')).toEqual({ phase: 'done', done: 2, total: 2 });
    expect(library.count()).toBe(2);
    expect(() => service.summarizeImport(preview.previewId, {})).toThrow('no longer available');
  });

  it('exports by request and cancels a job by id', async () => {
    const library = await tempLibrary();
    for (let i = 0; i < 30; i += 1) library.create({ title: `Film ${i}` });
    const service = createTransferService(() => library);
    const path = join(tempFolder(), 'out.json');
    const result = await service.exportLibrary({ path, images: false }, 'export-1');
    expect(result.films).toBe(30);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { films: unknown[] }).films).toHaveLength(30);
    const exporting = service.exportLibrary({ path: join(tempFolder(), 'never.json') }, 'export-2');
    expect(service.cancel('export-2')).toBe(true);
    await expect(exporting).rejects.toThrow('The export was cancelled; nothing was written.');
    expect(service.progress('export-2')?.phase).toBe('cancelled');
    expect(service.cancel('no-such-job')).toBe(false);
  });
});
