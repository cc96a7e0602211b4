import { Fragment } from 'react';
import { useParticipant } from '../../stores/participants.js';

/** A participant's label, name and attributes (market, segment, …). */
export function ParticipantFacts({ label }: { label: string | null }) {
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
