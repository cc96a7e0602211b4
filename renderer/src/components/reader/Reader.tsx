/**
 * The transcript reader. Text is rendered as spans carrying their document offsets
 * (data-start/data-end), so a DOM selection maps back to exact UTF-16 offsets. Coded spans
 * are painted with the CSS Custom Highlight API over one text node per turn (useHighlights);
 * where CSS.highlights is missing, the text is cut into one span per excerpt boundary and
 * coloured with classes instead. Selecting text shows the selection bar; clicking coded text
 * opens that excerpt in the right panel; Ctrl/Cmd+F finds in the document.
 */
import { type CSSProperties, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetail, ExcerptId } from '../../../../core/contract/index.js';
import { supportsHighlights } from '../../lib/highlights.js';
import { offsetsToRange, rangeToOffsets } from '../../lib/offsets.js';
import { type Block, buildBlocks, trimRange } from '../../lib/segments.js';
import { formatTimestamp, speakerSlots } from '../../lib/speakers.js';
import { useCoding } from '../../stores/coding.js';
import { isProvisional, useDocuments } from '../../stores/documents.js';
import { useFind } from '../../stores/find.js';
import { FindBar } from './FindBar.js';
import { SelectionBar } from './SelectionBar.js';
import { TurnMenu, type TurnMenuTarget } from './TurnMenu.js';
import { useHighlights } from './useHighlights.js';

const HIGHLIGHT_API = supportsHighlights();

export function Reader({ doc }: { doc: DocumentDetail }) {
  const excerpts = useDocuments((s) => s.excerpts);
  const scrollTo = useDocuments((s) => s.scrollTo);
  const pickerTarget = useCoding((s) => (s.pickerTarget?.documentId === doc.id ? s.pickerTarget : null));
  const focusedId = useCoding((s) => s.focusedExcerptId);
  const hoveredId = useCoding((s) => s.hoveredExcerptId);
  const flash = useDocuments((s) => s.flash);
  const pending = pickerTarget ? { start: pickerTarget.start, end: pickerTarget.end } : flash;
  const pendingStart = pending?.start;
  const pendingEnd = pending?.end;
  // Blocks whose content did not change keep their identity, so only the turns touched by a
  // coding re-render (a long transcript has thousands of them).
  // With highlights the pending range is painted over the text, not cut into spans.
  const cutStart = HIGHLIGHT_API ? undefined : pendingStart;
  const cutEnd = HIGHLIGHT_API ? undefined : pendingEnd;
  const cache = useRef(new Map<string, { sig: string; block: Block }>());
  const blocks = useMemo(() => {
    const fresh = buildBlocks(
      doc,
      excerpts,
      cutStart !== undefined && cutEnd !== undefined ? { start: cutStart, end: cutEnd } : null,
      HIGHLIGHT_API,
    );
    const next = new Map<string, { sig: string; block: Block }>();
    const kept = fresh.map((block) => {
      const key = `${doc.id}:${block.key}`;
      const sig = blockSignature(block);
      const prev = cache.current.get(key);
      const same = prev && prev.sig === sig ? prev.block : block;
      next.set(key, { sig, block: same });
      return same;
    });
    cache.current = next;
    return kept;
  }, [doc, excerpts, cutStart, cutEnd]);
  const slots = useMemo(() => speakerSlots(doc.turns), [doc.turns]);
  /** Turn index (as excerpts.tagTurns counts them) by the turn's start offset. */
  const turnIndex = useMemo(() => new Map(doc.turns.map((t, i) => [t.start, i])), [doc.turns]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pointerDown = useRef(false);
  const [bar, setBar] = useState<{ top: number; left: number } | null>(null);
  const [menu, setMenu] = useState<TurnMenuTarget | null>(null);
  const findOpen = useFind((s) => s.open);
  const findMatches = useFind((s) => s.matches);
  const findCurrent = useFind((s) => s.current);
  const findSeq = useFind((s) => s.seq);
  const find = useMemo(
    () => ({ matches: findOpen ? findMatches : [], current: findCurrent, seq: findSeq }),
    [findOpen, findMatches, findCurrent, findSeq],
  );
  const pendingSpan = useMemo(
    () => (pendingStart !== undefined && pendingEnd !== undefined ? { start: pendingStart, end: pendingEnd } : null),
    [pendingStart, pendingEnd],
  );
  const { offsetAt } = useHighlights({
    enabled: HIGHLIGHT_API,
    root: textRef,
    blocks,
    excerpts,
    focusedId,
    hoveredId,
    pending: pendingSpan,
    find,
  });

  // Find results follow the document (another one opened, or its text reloaded).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the document changes
  useEffect(() => {
    useFind.getState().refresh();
  }, [doc]);

  // Ctrl/Cmd+F finds in this document instead of the browser's page find.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        if (document.querySelector('dialog[open]')) return;
        e.preventDefault();
        useFind.getState().show();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const readSelection = useCallback(
    (placeBar: boolean) => {
      const coding = useCoding.getState();
      if (coding.pickerOpen) return;
      const root = textRef.current;
      const sel = window.getSelection();
      const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null;
      const offsets = root && range ? rangeToOffsets(root, range) : null;
      const trimmed = offsets ? trimRange(doc.text, offsets.start, offsets.end) : null;
      if (!range || !trimmed) {
        coding.setSelection(null);
        setBar(null);
        return;
      }
      coding.setSelection({ documentId: doc.id, ...trimmed, text: doc.text.slice(trimmed.start, trimmed.end) });
      if (useDocuments.getState().flash) useDocuments.setState({ flash: null });
      const host = scrollRef.current;
      if (placeBar && host) {
        const rects = range.getClientRects();
        const first = rects[0] ?? range.getBoundingClientRect();
        const box = host.getBoundingClientRect();
        setBar({ top: first.top - box.top + host.scrollTop, left: first.left - box.left + host.scrollLeft });
      }
    },
    [doc],
  );

  useEffect(() => {
    const onChange = () => readSelection(!pointerDown.current);
    const onUp = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      // The selection is final only after the button is released.
      requestAnimationFrame(() => readSelection(true));
    };
    document.addEventListener('selectionchange', onChange);
    window.addEventListener('pointerup', onUp);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      window.removeEventListener('pointerup', onUp);
    };
  }, [readSelection]);

  // The selection is cleared elsewhere (after coding, Esc): hide the bar too.
  const selection = useCoding((s) => s.selection);
  useEffect(() => {
    if (!selection) setBar(null);
  }, [selection]);

  // The picker took focus (and with it the page selection); when it closes without coding,
  // select the same text again so the researcher can carry on where they were.
  const pickerOpen = useCoding((s) => s.pickerOpen);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !pickerOpen) {
      const sel = useCoding.getState().selection;
      const root = textRef.current;
      const range = sel && root && sel.documentId === doc.id ? offsetsToRange(root, sel.start, sel.end) : null;
      if (range) {
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
    }
    wasOpen.current = pickerOpen;
  }, [pickerOpen, doc.id]);

  // Jump to an excerpt opened from the excerpts list or a board card.
  useEffect(() => {
    if (!scrollTo || !textRef.current) return;
    const spans = textRef.current.querySelectorAll<HTMLElement>('span[data-start]');
    for (const span of spans) {
      if (Number(span.dataset.end) > scrollTo.start) {
        span.scrollIntoView({ block: 'center' });
        break;
      }
    }
    useDocuments.getState().consumeScroll();
  }, [scrollTo]);

  // Reset scroll when another document opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on document change only
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [doc.id]);

  const onClick = (e: React.MouseEvent) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    if (HIGHLIGHT_API) {
      const at = offsetAt(e.clientX, e.clientY);
      const hit = at === null ? null : innermostAt(excerpts, at);
      useCoding.getState().focusExcerpt(hit);
      return;
    }
    const span = (e.target as HTMLElement).closest<HTMLElement>('span[data-excerpts]');
    const first = span?.dataset.excerpts
      ?.split(' ')
      .map((id) => Number(id) as ExcerptId)
      .find((id) => !isProvisional(id));
    useCoding.getState().focusExcerpt(first ?? null);
  };

  const onContextMenu = (e: React.MouseEvent) => {
    const label = (e.target as HTMLElement).closest<HTMLElement>('.turn-who[data-turn]');
    if (!label) return;
    e.preventDefault();
    const box = scrollRef.current?.getBoundingClientRect();
    const host = scrollRef.current;
    setMenu({
      turn: Number(label.dataset.turn),
      speaker: label.dataset.speaker || null,
      top: e.clientY - (box?.top ?? 0) + (host?.scrollTop ?? 0),
      left: e.clientX - (box?.left ?? 0) + (host?.scrollLeft ?? 0),
    });
  };

  const hasTurns = doc.turns.length > 0;
  return (
    <div className="reader-scroll" ref={scrollRef}>
      {findOpen && <FindBar />}
      <article className="reader" aria-labelledby="reader-title">
        <header className="reader-head">
          <h1 id="reader-title">{doc.title}</h1>
          <p className="muted small">
            {[
              doc.participant,
              hasTurns ? `${doc.turns.length} turns` : null,
              `${excerpts.length} excerpt${excerpts.length === 1 ? '' : 's'}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </header>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: clicks on highlights are a shortcut; the excerpts list and stripes offer the same by keyboard */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above */}
        <div
          ref={textRef}
          className={`reader-text ${hasTurns ? 'script' : 'prose'}`}
          data-focused={focusedId ?? undefined}
          onPointerDown={() => {
            pointerDown.current = true;
          }}
          onClick={onClick}
          onContextMenu={onContextMenu}
        >
          {blocks.map((block) => (
            <BlockView
              key={block.key}
              block={block}
              turn={turnIndex.get(block.start) ?? null}
              slot={block.speaker ? (slots.get(block.speaker) ?? 0) : 0}
              focusedId={touches(block, focusedId) ? focusedId : null}
              hoveredId={touches(block, hoveredId) ? hoveredId : null}
            />
          ))}
        </div>
      </article>
      {bar && <SelectionBar top={bar.top} left={bar.left} />}
      {menu && <TurnMenu doc={doc} target={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}

function blockSignature(block: Block): string {
  const segments = block.segments.map(
    (s) => `${s.start}-${s.end}:${s.excerpts.join(',')}:${s.color}:${s.pending ? 1 : 0}`,
  );
  const stripes = block.stripes.map((x) => `${x.excerptId}/${x.code?.id}/${x.code?.name}/${x.code?.color}`);
  return `${block.speaker}|${block.startMs}|${segments.join(';')}|${stripes.join(';')}`;
}

/** The shortest excerpt covering `offset`: what a click on overlapping codes means. */
function innermostAt(excerpts: readonly { id: ExcerptId; start: number; end: number }[], offset: number) {
  let best: { id: ExcerptId; start: number; end: number } | null = null;
  for (const x of excerpts) {
    if (isProvisional(x.id)) continue;
    if (x.start <= offset && offset < x.end && (!best || x.end - x.start < best.end - best.start)) best = x;
  }
  return best?.id ?? null;
}

function touches(block: Block, id: ExcerptId | null): boolean {
  return id !== null && block.stripes.some((x) => x.excerptId === id);
}

const BlockView = memo(function BlockView({
  block,
  turn,
  slot,
  focusedId,
  hoveredId,
}: {
  block: Block;
  turn: number | null;
  slot: number;
  focusedId: ExcerptId | null;
  hoveredId: ExcerptId | null;
}) {
  const text = (
    <p className="block-text" dir="auto">
      {block.segments.map((s) => {
        const coded = s.excerpts.length > 0;
        const cls = [
          coded ? 'coded' : '',
          s.excerpts.length > 1 ? 'overlap' : '',
          focusedId !== null && s.excerpts.includes(focusedId) ? 'focused' : '',
          hoveredId !== null && s.excerpts.includes(hoveredId) ? 'hovered' : '',
          s.pending ? 'pending' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <span
            key={s.start}
            data-start={s.start}
            data-end={s.end}
            data-excerpts={coded ? s.excerpts.join(' ') : undefined}
            className={cls || undefined}
            style={s.color ? ({ '--hl': s.color } as CSSProperties) : undefined}
          >
            {s.text}
          </span>
        );
      })}
    </p>
  );
  const stripes = <Stripes block={block} />;
  if (block.speaker === null && block.startMs === null) {
    return (
      <div className="block para">
        <div className="block-gutter" aria-hidden="true" />
        {text}
        {stripes}
      </div>
    );
  }
  return (
    <div className="block turn" style={{ '--speaker': `var(--speaker-${slot})` } as CSSProperties}>
      <div
        className="block-gutter turn-who"
        data-turn={turn ?? undefined}
        data-speaker={block.speaker ?? undefined}
        title={turn !== null ? 'Right-click to code this turn or all of this speaker’s turns' : undefined}
      >
        {block.speaker && <span className="turn-speaker">{block.speaker}</span>}
        {block.startMs !== null && <span className="turn-time">{formatTimestamp(block.startMs)}</span>}
      </div>
      {text}
      {stripes}
    </div>
  );
});

/** Coding stripes in the margin: one per code on excerpts touching this block. */
function Stripes({ block }: { block: Block }) {
  if (block.stripes.length === 0) return <div className="stripes" />;
  const coding = useCoding.getState();
  return (
    <div className="stripes">
      {block.stripes.map(({ excerptId, code }) =>
        isProvisional(excerptId) ? (
          // Not saved yet: nothing to open, so not a control until the host answers.
          <button
            key={`${excerptId}-${code?.id ?? 'uncoded'}`}
            type="button"
            className="stripe saving"
            style={{ '--code': code?.color ?? 'var(--muted)' } as CSSProperties}
            aria-label={`Excerpt coded ${code?.name ?? ''}: saving`}
            title={`${code?.name ?? ''} (saving…)`}
            disabled
          >
            {code?.name ?? 'Uncoded'}
          </button>
        ) : (
          <button
            key={`${excerptId}-${code?.id ?? 'uncoded'}`}
            type="button"
            className={`stripe${code ? '' : ' uncoded'}`}
            style={{ '--code': code?.color ?? 'var(--muted)' } as CSSProperties}
            aria-label={code ? `Excerpt coded ${code.name}: show details` : 'Uncoded excerpt: show details'}
            title={code?.name ?? 'Uncoded excerpt'}
            onMouseEnter={() => coding.hoverExcerpt(excerptId)}
            onMouseLeave={() => coding.hoverExcerpt(null)}
            onFocus={() => coding.hoverExcerpt(excerptId)}
            onBlur={() => coding.hoverExcerpt(null)}
            onClick={(e) => {
              e.stopPropagation();
              coding.focusExcerpt(excerptId);
            }}
          >
            {code?.name ?? 'Uncoded'}
          </button>
        ),
      )}
    </div>
  );
}
