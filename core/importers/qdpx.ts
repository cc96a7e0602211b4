/**
 * REFI-QDA exchange files: a project (.qdpx, a zip of project.qde and sources/) or a
 * codebook (.qdc). Reading is core/exchange/readArchive.ts; storing is
 * core/services/exchangeImport.ts.
 */
import { readQdc, readQdpx } from '../exchange/readArchive.js';
import { extensionOf } from './names.js';
import type { ProjectImporter } from './types.js';

export const qdpxImporter: ProjectImporter = {
  kind: 'project',
  format: 'qdpx',
  version: '1',
  mediaType: 'application/x-qdpx+zip',
  detect: (_bytes, name) => extensionOf(name) === 'qdpx',
  plan: (bytes) => readQdpx(bytes),
};

export const qdcImporter: ProjectImporter = {
  kind: 'project',
  format: 'qdc',
  version: '1',
  mediaType: 'application/xml',
  detect: (_bytes, name) => extensionOf(name) === 'qdc',
  plan: async (bytes) => readQdc(bytes),
};
