import { useEffect, useRef, useState } from 'react';
import type { ValidationIssue } from '../../scenario/issues.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { checkJsonText } from './checkJsonText.ts';
import { IssueList } from './IssueList.tsx';
import { freshDraft, isEdited, type JsonDraft, prettyScenario } from './jsonDraft.ts';
import { lineOf, locateIssue } from './locateJson.ts';

type Outcome = { kind: 'refused'; issues: ValidationIssue[]; message: string } | { kind: 'done'; text: string } | null;

/** Line numbers for issues are worth a scan of the text per issue only while the text is small. */
const LINE_NUMBERS_CHARS_MAX = 200_000;

/**
 * The scenario as JSON text. Apply (or Ctrl+Enter) validates the text exactly as a pasted
 * file is; a valid document replaces the scenario (undoable), an invalid one lists what is
 * wrong and leaves the text as the user wrote it.
 */
export function JsonView({
  store,
  draft,
  onDraft,
  focusOnOpen,
}: {
  store: PlaygroundStore;
  draft: JsonDraft;
  onDraft: (draft: JsonDraft) => void;
  focusOnOpen: boolean;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    if (focusOnOpen) textarea.current?.focus();
  }, [focusOnOpen]);

  const apply = () => {
    const current = store.getState().scenario;
    const check = checkJsonText(draft.text, current);
    if (check.kind === 'invalid') {
      setOutcome({ kind: 'refused', issues: check.issues, message: '' });
      return;
    }
    if (check.kind === 'unchanged') {
      onDraft(freshDraft(prettyScenario(current)));
      setOutcome({ kind: 'done', text: 'No change: this is the current scenario.' });
      return;
    }
    const message = store.getState().replaceScenario(check.scenario);
    if (message !== null) {
      setOutcome({ kind: 'refused', issues: [], message });
      return;
    }
    onDraft(freshDraft(prettyScenario(store.getState().scenario)));
    setOutcome({ kind: 'done', text: 'Applied: the run and the verdict are recomputed (Ctrl+Z undoes it).' });
  };

  const goTo = (issue: ValidationIssue) => {
    const el = textarea.current;
    const range = locateIssue(draft.text, issue);
    if (el === null || range === null) return;
    el.focus();
    el.setSelectionRange(range.start, range.end);
    // Put the field a few lines below the top: the selection alone does not always scroll a textarea.
    const lineHeightPx = Number.parseFloat(getComputedStyle(el).lineHeight) || 16;
    el.scrollTop = Math.max(0, (lineOf(draft.text, range.start) - 4) * lineHeightPx);
  };
  const issueLine =
    draft.text.length <= LINE_NUMBERS_CHARS_MAX
      ? (issue: ValidationIssue) => {
          const range = locateIssue(draft.text, issue);
          return range === null ? null : lineOf(draft.text, range.start);
        }
      : undefined;

  const edited = isEdited(draft);
  return (
    <div className="editor-json">
      <p className="editor-note">
        The whole scenario (format: docs/scenario-format.md). <strong>Apply</strong> (Ctrl+Enter) validates it like an opened file, fills in
        the defaults and re-runs it.
      </p>
      {draft.outdated && edited && (
        <p className="editor-outdated" role="status">
          The scenario changed while you were editing. Apply replaces it with your text; Discard shows the current one.
        </p>
      )}
      <textarea
        ref={textarea}
        data-testid="editor-json"
        aria-label="Scenario JSON"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        value={draft.text}
        aria-invalid={outcome?.kind === 'refused'}
        onChange={(e) => {
          onDraft({ ...draft, text: e.target.value });
          if (outcome?.kind === 'done') setOutcome(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            apply();
          }
        }}
      />
      <div className="editor-json-actions">
        <button type="button" className="editor-primary" onClick={apply}>
          Apply
        </button>
        <button
          type="button"
          disabled={!edited}
          onClick={() => {
            onDraft(freshDraft(prettyScenario(store.getState().scenario)));
            setOutcome(null);
          }}
        >
          Discard changes
        </button>
        <span className="editor-status" role="status">
          {outcome?.kind === 'done' ? outcome.text : edited ? 'Edited, not applied yet.' : ''}
        </span>
      </div>
      {outcome?.kind === 'refused' && (
        <IssueList
          title={
            outcome.issues.length === 0
              ? 'Not applied:'
              : `Not applied — ${outcome.issues.length === 1 ? 'one problem' : `${outcome.issues.length} problems`} (your text is kept):`
          }
          issues={outcome.issues}
          message={outcome.message}
          onPick={goTo}
          lineOf={issueLine}
        />
      )}
    </div>
  );
}
