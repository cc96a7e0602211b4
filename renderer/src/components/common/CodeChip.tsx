import type { CSSProperties } from 'react';
import type { CodeRef } from '../../../../core/contract/index.js';

/** A code shown as a small chip in its colour. */
export function CodeChip({ code, onRemove }: { code: CodeRef; onRemove?: () => void }) {
  return (
    <span className="chip" style={{ '--code': code.color } as CSSProperties}>
      <span className="chip-dot" aria-hidden="true" />
      <span className="chip-name">{code.name}</span>
      {onRemove && (
        <button type="button" className="chip-remove" aria-label={`Remove code ${code.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
