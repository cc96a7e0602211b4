import { useMemo } from 'react';
import { useCodes } from '../../stores/codes.js';

/** Each code's colour by name, for charts that colour series and nodes as the codebook does. */
export function useCodeColours(): Map<string, string> {
  const codes = useCodes((s) => s.list);
  return useMemo(() => new Map(codes.map((c) => [c.name, c.color])), [codes]);
}
