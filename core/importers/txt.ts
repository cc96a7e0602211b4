/** Plain text (.txt): transcripts and notes. */
import { extensionOf, titleFromFileName } from './names.js';
import { decodeOrRefuse, documentFromText } from './plainText.js';
import type { Importer } from './types.js';

export const txtImporter: Importer = {
  format: 'txt',
  version: '1',
  mediaType: 'text/plain',
  detect: (_bytes, name) => ['txt', 'text'].includes(extensionOf(name)),
  parse(bytes, name) {
    const text = decodeOrRefuse(bytes);
    return [documentFromText(titleFromFileName(name), text)];
  },
};
