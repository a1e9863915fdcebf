import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Library } from '../../main/library';
import { renderSheetDocument } from '../../main/sheet/render-html';
import type { CliCommand } from '../args';
import { findFilm } from '../find-films';
import { EXIT, type CliIo, type ExitStatus } from '../io';

type SheetCommand = Extract<CliCommand, { name: 'sheet' }>;

const libraryName = (path: string) => basename(path).replace(/\.filmfolio\.sqlite$|\.sqlite$/, '');

/** `filmfolio sheet`: a printable sheet (one film) or catalogue (several) as a standalone HTML file. */
export async function sheetCommand(library: Library, command: SheetCommand, io: CliIo): Promise<ExitStatus> {
  const films = command.films.map((wanted) => findFilm(library, wanted));
  const html = renderSheetDocument(films, {
    paper: command.paper,
    libraryName: libraryName(library.path),
    date: new Date().toISOString().slice(0, 10),
    locale: command.locale,
    toc: 'list',
  });
  const out = resolve(command.out);
  const temp = join(dirname(out), `.${basename(out)}.tmp`);
  await writeFile(temp, html, 'utf8');
  await rename(temp, out);
  io.out(
    `Wrote ${films.length === 1 ? 'the sheet of 1 film' : `a catalogue of ${films.length} films`} to ${out}.\n`,
  );
  return EXIT.ok;
}
