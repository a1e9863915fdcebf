import type {
  DuplicateRule,
  ImportAction,
  IncomingStatus,
  MatchReason,
  TransferProgress,
} from '../../../shared/transfer';

/** The duplicate rules in the collector's words, with what each does to the film already there. */
export const RULE_LABELS: Record<DuplicateRule, { label: string; detail: string }> = {
  skip: { label: 'Skip', detail: 'keep the film in the library as it is' },
  replace: { label: 'Replace', detail: 'the file’s version replaces the library’s' },
  merge: { label: 'Merge', detail: 'fill empty fields, add to lists without repeating' },
  'keep-both': { label: 'Keep both', detail: 'add the file’s version as another film' },
};

export const STATUS_LABELS: Record<IncomingStatus, string> = {
  new: 'New',
  duplicate: 'Already there',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
};

export const ACTION_LABELS: Record<ImportAction, string> = {
  add: 'Add',
  replace: 'Replace',
  merge: 'Merge',
  'keep-both': 'Add as another film',
  skip: 'Skip',
  reject: 'Leave out',
};

export const MATCH_LABELS: Record<MatchReason, string> = {
  id: 'same id',
  'external-id': 'same external id',
  'title-year': 'same title and year',
};

const PHASE_LABELS: Record<TransferProgress['phase'], string> = {
  reading: 'Reading the file',
  checking: 'Checking the films',
  'backing-up': 'Backing up the library',
  writing: 'Writing the films',
  done: 'Finishing',
  failed: 'Stopped',
  cancelled: 'Cancelled',
};

export function phaseLabel(phase: TransferProgress['phase']): string {
  return PHASE_LABELS[phase];
}
