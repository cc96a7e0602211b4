/** Plain text (.txt): transcripts and notes. */

import { documentFromPieces } from './cues.js';
import { extensionOf, titleFromFileName } from './names.js';
import { decodeOrRefuse, documentFromText } from './plainText.js';
import { looksLikeSrt, piecesOfSrt } from './srt.js';
import type { Importer } from './types.js';

export const txtImporter = {
  format: 'txt',
  version: '1',
  mediaType: 'text/plain',
  detect: (_bytes, name) => ['txt', 'text'].includes(extensionOf(name)),
  parse(bytes, name) {
    const text = decodeOrRefuse(bytes);
    // Some tools (older Zoom, Otter) save SubRip cues under .txt.
    if (looksLikeSrt(text)) return [documentFromPieces(titleFromFileName(name), piecesOfSrt(text))];
    return [documentFromText(titleFromFileName(name), text)];
  },
} satisfies Importer;
