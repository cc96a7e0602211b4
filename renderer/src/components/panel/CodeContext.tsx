import { useCodes } from '../../stores/codes.js';
import { useExcerpts } from '../../stores/excerpts.js';
import { CodeChip } from '../common/CodeChip.js';

/** The code chosen in the codebook: where it sits, its count and description. */
export function CodeContext() {
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
