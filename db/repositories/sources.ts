/** Original imported files, kept byte for byte. */
import { newGuid, nowIso, type Sql } from './sql.js';

export interface NewSource {
  fileName: string;
  mediaType: string;
  sha256: string;
  /** The bytes, or only their size when they are written later by setBytes (in the same transaction). */
  bytes?: Uint8Array;
  size?: number;
  importer: string;
  importerVersion: string;
}

export interface SourceRow {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export class SourcesRepo {
  constructor(private readonly sql: Sql) {}

  insert(source: NewSource): number {
    const { lastInsertRowid } = this.sql.run(
      `INSERT INTO sources (guid, file_name, media_type, size, sha256, bytes, imported_at, importer, importer_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      newGuid(),
      source.fileName,
      source.mediaType,
      source.bytes?.byteLength ?? source.size ?? 0,
      source.sha256,
      source.bytes ? asBuffer(source.bytes) : Buffer.alloc(0),
      nowIso(),
      source.importer,
      source.importerVersion,
    );
    return lastInsertRowid;
  }

  /** The file's bytes for a row inserted with only their size. */
  setBytes(id: number, bytes: Uint8Array): void {
    this.sql.run(`UPDATE sources SET bytes = ?, size = ? WHERE id = ?`, asBuffer(bytes), bytes.byteLength, id);
  }

  get(id: number): SourceRow | undefined {
    return this.sql.get<SourceRow>(
      `SELECT id, file_name AS fileName, media_type AS mediaType, size, sha256 FROM sources WHERE id = ?`,
      id,
    );
  }

  bytes(id: number): Buffer | undefined {
    return this.sql.get<{ bytes: Buffer }>(`SELECT bytes FROM sources WHERE id = ?`, id)?.bytes;
  }

  findBySha256(sha256: string): SourceRow[] {
    return this.sql.all<SourceRow>(
      `SELECT id, file_name AS fileName, media_type AS mediaType, size, sha256 FROM sources WHERE sha256 = ?`,
      sha256,
    );
  }
}
