import { type CSSProperties, useMemo } from 'react';
import type { CodeRef } from '../../../../core/contract/index.js';
import { speakerSlots } from '../../lib/speakers.js';
import { useCoding } from '../../stores/coding.js';
import { useDocuments } from '../../stores/documents.js';
import { CodeChip } from '../common/CodeChip.js';
import { Hints } from './Hints.js';
import { ParticipantFacts } from './ParticipantFacts.js';

/** The open document: facts, participant, speakers and the codes used in it. */
export function DocumentContext() {
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
                <button
                  type="button"
                  className="link-button small"
                  aria-label={`Code all turns of ${name}`}
                  onClick={() => useCoding.getState().codeTurns(doc.id, { speaker: name })}
                >
                  Code all…
                </button>
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
