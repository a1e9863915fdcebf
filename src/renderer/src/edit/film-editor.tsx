import { useEffect, useRef, useState } from 'react';
import type { Film } from '../../../shared/film-schema';
import type { FilmDraft } from './draft';
import { useApi } from '../shell/api-context';
import { routeHash } from '../shell/route';
import { ConfirmDialog } from './confirm-dialog';
import { EditorHistoryProvider } from './editor-history';
import { ProblemSummary, StaleNotice } from './editor-notices';
import { sectionOf } from './memo-section';
import { SectionList } from './section-list';
import * as overview from './sections-overview';
import * as story from './sections-story';
import * as reception from './sections-reception';
import * as around from './sections-around';
import * as yours from './sections-yours';
import * as copies from './sections-copies';
import { showToast } from './toasts';
import { useFilmEditor, type FilmEditorState } from './use-film-editor';
import { useLeaveGuard } from './use-leave-guard';
import { ValidationProvider } from './validation-context';
import './edit.css';

const OverviewSection = sectionOf(overview.OverviewSection, 'overview');
const StorySection = sectionOf(story.StorySection, 'story');
const PeopleSection = sectionOf(story.PeopleSection, 'people');
const QuotesSection = sectionOf(story.QuotesSection, 'quotes');
const BoxOfficeSection = sectionOf(reception.BoxOfficeSection, 'money');
const ReviewsSection = sectionOf(reception.ReviewsSection, 'reviews');
const BehindSection = sectionOf(around.BehindSection, 'behind');
const WatchSection = sectionOf(around.WatchSection, 'watch');
const SimilarSection = sectionOf(around.SimilarSection, 'similar', ['id']);
const ProductsSection = sectionOf(around.ProductsSection, 'products');
const SoundtrackSection = sectionOf(around.SoundtrackSection, 'soundtrack');
const FaqSection = sectionOf(around.FaqSection, 'faq');
const BonusSection = sectionOf(around.BonusSection, 'bonus');
const YoursSection = sectionOf(yours.YoursSection, 'yours');
const CopiesSection = sectionOf(copies.CopiesSection, 'copies');

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const SAVE_KEYS = isMac ? '⌘S' : 'Ctrl+S';

/** Why Save cannot be pressed right now, or null when it can. */
function saveBlocker(editor: FilmEditorState): string | null {
  if (editor.saving) return 'Saving…';
  const count = editor.problems.length;
  if (!editor.baseline && count === 1 && editor.problems[0]?.path === 'title') return 'Write a title to save';
  if (count > 0) return `${count} problem${count === 1 ? '' : 's'} to fix before saving`;
  if (!editor.dirty && editor.baseline) return 'No changes to save';
  return null;
}

function useSaveShortcut(onSave: () => void) {
  const latest = useRef(onSave);
  useEffect(() => {
    latest.current = onSave;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

type FilmEditorProps = {
  film: Film | null;
  /** A new film was saved: the view moves to its address. */
  onCreated: (film: Film) => void;
  /** A new film's starting values (a pasted fact page), instead of an empty film. */
  initialDraft?: FilmDraft | undefined;
  /** A line above the form saying where the film came from. */
  notice?: string | undefined;
};

/** The whole editor of one film: the save bar, the section list and every section. */
export function FilmEditor({ film, onCreated, initialDraft, notice }: FilmEditorProps) {
  const api = useApi();
  const editor = useFilmEditor(film, initialDraft);
  const { draft, change, baseline } = editor;
  const [leaving, setLeaving] = useState<string | null>(null);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const guard = useLeaveGuard(editor.dirty, setLeaving);
  const blocker = saveBlocker(editor);

  const showProblems = () => {
    editor.setShowAll(true);
    requestAnimationFrame(() => summary.current?.focus());
  };
  const save = async (expectedUpdatedAt?: string) => {
    if (editor.problems.length > 0) {
      showProblems();
      return false;
    }
    const outcome = await editor.save(expectedUpdatedAt);
    if (outcome.ok && outcome.created) {
      showToast(`Added “${outcome.film.title}” to the library.`);
      onCreated(outcome.film);
      guard.leave(routeHash({ view: 'edit', id: outcome.film.id }));
    }
    return outcome.ok;
  };
  useSaveShortcut(() => {
    if (blocker === null || editor.problems.length > 0) void save();
  });

  const moveToTrash = async () => {
    if (!baseline) return;
    setConfirmTrash(false);
    try {
      await api.films.trash([baseline.id]);
    } catch (error) {
      showToast(`“${baseline.title}” could not be moved to the trash: ${(error as Error).message}`);
      return;
    }
    guard.leave(routeHash({ view: 'browse' }));
    showToast(`“${baseline.title}” moved to the trash.`, {
      label: 'Undo',
      run: async () => {
        await api.films.restore([baseline.id]);
        window.location.hash = routeHash({ view: 'edit', id: baseline.id });
      },
    });
  };

  return (
    <ValidationProvider value={editor.validation}>
      <EditorHistoryProvider value={editor.history}>
        <div className="editor">
          <header className="editor-bar">
            <div className="editor-heading">
              <h1>{draft.title.trim() || (baseline ? 'Untitled film' : 'New film')}</h1>
              <span className="editor-status" role="status">
                {editor.dirty ? 'Unsaved changes' : baseline ? 'All changes saved' : 'Not in the library yet'}
              </span>
            </div>
            <div className="editor-actions">
              {blocker && blocker !== 'Saving…' && editor.problems.length > 0 ? (
                <button type="button" className="link save-reason" id="save-reason" onClick={showProblems}>
                  {blocker}
                </button>
              ) : blocker ? (
                <span className="save-reason muted" id="save-reason">
                  {blocker}
                </span>
              ) : null}
              <button
                type="button"
                className="primary"
                disabled={blocker !== null}
                aria-describedby={blocker ? 'save-reason' : undefined}
                title={`Save (${SAVE_KEYS})`}
                onClick={() => void save()}
              >
                Save
              </button>
              {baseline ? (
                <button
                  type="button"
                  onClick={() => (editor.dirty ? setConfirmTrash(true) : void moveToTrash())}
                >
                  Move to trash
                </button>
              ) : null}
              <button type="button" onClick={() => (window.location.hash = routeHash({ view: 'browse' }))}>
                Close
              </button>
            </div>
          </header>
          {notice ? (
            <p className="editor-notice" role="note">
              {notice}
            </p>
          ) : null}
          {editor.stale ? (
            <StaleNotice
              current={editor.stale}
              base={editor.baseDraft}
              draft={draft}
              saving={editor.saving}
              onOverwrite={() => void save(editor.stale?.updatedAt)}
              onLoadTheirs={editor.loadStale}
            />
          ) : null}
          {editor.failure ? (
            <p className="save-failure" role="alert">
              Not saved: {editor.failure}
            </p>
          ) : null}
          {editor.showAll && editor.problems.length > 0 ? (
            <ProblemSummary ref={summary} problems={editor.problems} />
          ) : null}
          <div className="editor-body">
            <SectionList problems={editor.problems} showProblems={editor.showAll} />
            <form className="editor-form" onSubmit={(event) => event.preventDefault()} noValidate>
              <OverviewSection draft={draft} change={change} onPoster={editor.setPoster} />
              <StorySection draft={draft} change={change} />
              <PeopleSection draft={draft} change={change} />
              <QuotesSection draft={draft} change={change} />
              <BoxOfficeSection draft={draft} change={change} />
              <ReviewsSection draft={draft} change={change} />
              <BehindSection draft={draft} change={change} />
              <WatchSection draft={draft} change={change} />
              <SimilarSection draft={draft} change={change} />
              <ProductsSection draft={draft} change={change} />
              <SoundtrackSection draft={draft} change={change} />
              <FaqSection draft={draft} change={change} />
              <BonusSection draft={draft} change={change} />
              <YoursSection draft={draft} change={change} />
              <CopiesSection draft={draft} change={change} />
            </form>
          </div>
          {leaving !== null ? (
            <ConfirmDialog
              title={`Leave “${draft.title.trim() || 'this film'}” with unsaved changes?`}
              choices={[
                {
                  label: 'Save and leave',
                  primary: true,
                  onChoose: () => {
                    const target = leaving;
                    setLeaving(null);
                    void save().then((saved) => saved && guard.leave(target));
                  },
                },
                { label: 'Leave without saving', danger: true, onChoose: () => guard.leave(leaving) },
                { label: 'Stay', onChoose: () => setLeaving(null) },
              ]}
            >
              <p>Your changes are not in the library yet.</p>
            </ConfirmDialog>
          ) : null}
          {confirmTrash ? (
            <ConfirmDialog
              title={`Move “${baseline?.title ?? ''}” to the trash?`}
              choices={[
                {
                  label: 'Move to trash, dropping my changes',
                  danger: true,
                  onChoose: () => void moveToTrash(),
                },
                { label: 'Cancel', onChoose: () => setConfirmTrash(false) },
              ]}
            >
              <p>
                You have unsaved changes to this film; they will be lost. The film itself can be restored from
                the trash.
              </p>
            </ConfirmDialog>
          ) : null}
        </div>
      </EditorHistoryProvider>
    </ValidationProvider>
  );
}
