import { type CSSProperties, Fragment, useMemo } from 'react';
import type { CodeRef, Excerpt } from '../../../../core/contract/index.js';
import { speakerSlots } from '../../lib/speakers.js';
import { useBoard } from '../../stores/board.js';
import { recentCodes, useCodes } from '../../stores/codes.js';
import { useCoding } from '../../stores/coding.js';
import { useDocuments } from '../../stores/documents.js';
import { useExcerpts } from '../../stores/excerpts.js';
import { useExcerpt } from '../../stores/lookup.js';
import { useNav } from '../../stores/nav.js';
import { useParticipant } from '../../stores/participants.js';
import { CodeChip } from '../common/CodeChip.js';

/** Context for what is selected: the excerpt, the selected text, or the open document. */
export function RightPanel() {
  const focusedId = useCoding((s) => s.focusedExcerptId);
  const excerpt = useExcerpt(focusedId);
  const selection = useCoding((s) => s.selection);
  const section = useNav((s) => s.section);
  return (
    <aside className="panel" aria-label="Selection details">
      {selection && section === 'documents' ? (
        <SelectionContext text={selection.text} />
      ) : excerpt ? (
        <ExcerptContext excerpt={excerpt} />
      ) : section === 'documents' ? (
        <DocumentContext />
      ) : section === 'board' ? (
        <BoardContext />
      ) : section === 'codes' ? (
        <CodeContext />
      ) : (
        <Hints />
      )}
    </aside>
  );
}

function ExcerptContext({ excerpt }: { excerpt: Excerpt }) {
  const coding = useCoding.getState();
  const openId = useDocuments((s) => s.openId);
  const section = useNav((s) => s.section);
  const onBoard = useBoard((s) => s.current?.cards.some((c) => c.excerpt?.id === excerpt.id) ?? false);
  const inReader = section === 'documents' && openId === excerpt.documentId;
  return (
    <section className="panel-section" aria-labelledby="panel-excerpt">
      <div className="panel-head">
        <h2 id="panel-excerpt">Excerpt</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close excerpt details"
          onClick={() => coding.focusExcerpt(null)}
        >
          ×
        </button>
      </div>
      <blockquote className="quote">{excerpt.text}</blockquote>
      <p className="muted small">
        {excerpt.documentTitle}
        {excerpt.participant ? ` · ${excerpt.participant}` : ''}
      </p>
      <ParticipantFacts label={excerpt.participant} />
      <h3>Codes</h3>
      <div className="chips">
        {excerpt.codes.map((code) => (
          <CodeChip key={code.id} code={code} onRemove={() => void coding.untag(excerpt.id, code.id)} />
        ))}
      </div>
      <div className="panel-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            coding.openPicker({
              documentId: excerpt.documentId,
              start: excerpt.start,
              end: excerpt.end,
              text: excerpt.text,
            })
          }
        >
          Add code…
        </button>
        <button
          type="button"
          className="button"
          disabled={onBoard}
          onClick={() => void useBoard.getState().addExcerpt(excerpt.id)}
        >
          {onBoard ? 'On the board' : 'Add to board'}
        </button>
        {!inReader && (
          <button
            type="button"
            className="button"
            onClick={() => {
              useNav.getState().go('documents');
              void useDocuments.getState().open(excerpt.documentId, { start: excerpt.start, end: excerpt.end });
            }}
          >
            Open in transcript
          </button>
        )}
        <button type="button" className="button danger" onClick={() => void coding.deleteExcerpt(excerpt.id)}>
          Delete excerpt
        </button>
      </div>
    </section>
  );
}

function ParticipantFacts({ label }: { label: string | null }) {
  const participant = useParticipant(label);
  if (!participant) return null;
  const attributes = Object.entries(participant.attributes);
  return (
    <>
      <h3>Participant</h3>
      <dl className="facts">
        <dt>{participant.label}</dt>
        <dd>{participant.displayName ?? ''}</dd>
        {attributes.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}

function SelectionContext({ text }: { text: string }) {
  const list = useCodes((s) => s.list);
  const recent = useCodes((s) => s.recent);
  const codes = recentCodes({ list, recent });
  return (
    <section className="panel-section" aria-labelledby="panel-selection">
      <h2 id="panel-selection">Selection</h2>
      <blockquote className="quote">{text.length > 400 ? `${text.slice(0, 400)}…` : text}</blockquote>
      <p className="muted small">
        Press <kbd>C</kbd> to code it{codes.length > 0 ? ', or a number for a recent code' : ''}.
      </p>
      {codes.length > 0 && (
        <ol className="recent-codes">
          {codes.map((code, i) => (
            <li key={code.id}>
              <button type="button" className="recent-code" onClick={() => void useCoding.getState().apply([code.id])}>
                <kbd>{i + 1}</kbd>
                <CodeChip code={code} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DocumentContext() {
  const doc = useDocuments((s) => s.doc);
  const excerpts = useDocuments((s) => s.excerpts);
  const speakers = useMemo(() => {
    const turns = doc?.turns ?? [];
    const slots = speakerSlots(turns);
    const counts = new Map<string, number>();
    for (const t of turns) if (t.speaker) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
    return [...counts.entries()].map(([name, n]) => ({ name, n, slot: slots.get(name) ?? 0 }));
  }, [doc]);
  const codes = useMemo(() => {
    const counts = new Map<number, { code: CodeRef; n: number }>();
    for (const x of excerpts) for (const c of x.codes) counts.set(c.id, { code: c, n: (counts.get(c.id)?.n ?? 0) + 1 });
    return [...counts.values()].sort((a, b) => b.n - a.n);
  }, [excerpts]);
  if (!doc) return <Hints />;
  return (
    <section className="panel-section" aria-labelledby="panel-doc">
      <h2 id="panel-doc">This document</h2>
      <dl className="facts">
        <dt>Format</dt>
        <dd>{doc.format}</dd>
        {doc.language && (
          <>
            <dt>Language</dt>
            <dd>{doc.language}</dd>
          </>
        )}
        <dt>Excerpts</dt>
        <dd>{excerpts.length}</dd>
      </dl>
      <ParticipantFacts label={doc.participant} />
      {speakers.length > 0 && (
        <>
          <h3>Speakers</h3>
          <ul className="speakers">
            {speakers.map(({ name, n, slot }) => (
              <li key={name} className="speaker-row" style={{ '--speaker': `var(--speaker-${slot})` } as CSSProperties}>
                <span className="speaker-dot" aria-hidden="true" />
                <span>{name}</span>
                <span className="count">{n}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Codes here</h3>
      {codes.length === 0 ? (
        <p className="muted small">
          Select text in the transcript, then press <kbd>C</kbd> to code it.
        </p>
      ) : (
        <ul className="code-counts">
          {codes.map(({ code, n }) => (
            <li key={code.id}>
              <CodeChip code={code} />
              <span className="count">{n}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BoardContext() {
  const board = useBoard((s) => s.current);
  if (!board) return <Hints />;
  const counts = new Map<number | null, number>();
  for (const c of board.cards) counts.set(c.groupId, (counts.get(c.groupId) ?? 0) + 1);
  return (
    <section className="panel-section" aria-labelledby="panel-board">
      <h2 id="panel-board">Groups</h2>
      {board.groups.length === 0 ? (
        <p className="muted small">No groups yet.</p>
      ) : (
        <ul className="outline">
          {board.groups.map((g) => (
            <li key={g.id}>
              <button
                type="button"
                className="outline-item"
                onClick={() => {
                  const el = document.querySelector<HTMLElement>(`[data-container="container:${g.id}"]`);
                  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
                  el?.querySelector<HTMLElement>('.group-handle')?.focus();
                }}
              >
                <span>{g.name}</span>
                <span className="count">{counts.get(g.id) ?? 0}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small outline-note">{counts.get(null) ?? 0} ungrouped</p>
      <h3>Moving cards</h3>
      <p className="muted small">
        Drag a card into a group. From the keyboard: focus a card, press <kbd>Space</kbd>, use the arrow keys to reach a
        group, and press <kbd>Space</kbd> again. <kbd>Esc</kbd> cancels.
      </p>
      <p className="muted small">Click a card to see its codes and open its transcript.</p>
    </section>
  );
}

function CodeContext() {
  const codeId = useExcerpts((s) => s.codeFilter);
  const code = useCodes((s) => s.list.find((c) => c.id === codeId));
  const parent = useCodes((s) => s.list.find((c) => c.id === code?.parentId));
  if (!code) {
    return (
      <section className="panel-section" aria-labelledby="panel-code">
        <h2 id="panel-code">Codebook</h2>
        <p className="muted small">Choose a code to see its excerpts. Double-click a code to rename it.</p>
        <p className="muted small">Codes are also created while coding: select text, press C and type a new name.</p>
      </section>
    );
  }
  return (
    <section className="panel-section" aria-labelledby="panel-code">
      <h2 id="panel-code">
        <CodeChip code={code} />
      </h2>
      <dl className="facts">
        {parent && (
          <>
            <dt>Inside</dt>
            <dd>{parent.name}</dd>
          </>
        )}
        <dt>Excerpts</dt>
        <dd>{code.excerpts}</dd>
        <dt>Colour</dt>
        <dd className="path">{code.color}</dd>
      </dl>
      {code.description && (
        <>
          <h3>Description</h3>
          <p className="small">{code.description}</p>
        </>
      )}
    </section>
  );
}

function Hints() {
  return (
    <section className="panel-section" aria-labelledby="panel-hints">
      <h2 id="panel-hints">Details</h2>
      <p className="muted small">Select text or an excerpt to see its codes and where it is used.</p>
      <p className="muted small">
        Press <kbd>?</kbd> for keyboard shortcuts.
      </p>
    </section>
  );
}
