/** Contract methods: export. */
import { z } from 'zod';
import { id, method, name } from '../define.js';
import {
  DEFAULT_REPORT_SECTIONS,
  type ExportChoices,
  REPORT_FILE_FORMATS,
  REPORT_LANGUAGES,
  type ReportFileFormat,
  type ReportLanguage,
  type ReportOptions,
  type ReportSections,
} from '../report-types.js';
import type * as T from '../types.js';

/** Sections left out of the input keep their default, so `{ sections: { boards: [3] } }` adds a board. */
export const reportSections = z
  .object({
    executiveSummary: z.boolean().default(DEFAULT_REPORT_SECTIONS.executiveSummary),
    insights: z.boolean().default(DEFAULT_REPORT_SECTIONS.insights),
    hypotheses: z.boolean().default(DEFAULT_REPORT_SECTIONS.hypotheses),
    codes: z
      .union([z.literal('all'), z.literal('none'), z.array(id<T.CodeId>()).max(10_000)])
      .default(DEFAULT_REPORT_SECTIONS.codes),
    boards: z.array(id<T.BoardId>()).max(1_000).default([]),
    method: z.boolean().default(DEFAULT_REPORT_SECTIONS.method),
    participants: z.boolean().default(DEFAULT_REPORT_SECTIONS.participants),
    charts: z.boolean().default(DEFAULT_REPORT_SECTIONS.charts),
    appendix: z.boolean().default(DEFAULT_REPORT_SECTIONS.appendix),
  })
  .strict();

/** The options of a report (ReportOptions); every field has a default. */
export const reportOptions = {
  sections: reportSections.prefault({}),
  redact: z.boolean().default(false),
  language: z.enum(REPORT_LANGUAGES as [ReportLanguage, ...ReportLanguage[]]).default('en'),
  title: z.string().trim().min(1, 'A title cannot be empty').max(200, 'Titles are at most 200 characters').optional(),
  keyAttributes: z.array(name).max(2, 'Choose at most two key attributes').optional(),
};

// The schema and the hand-written types must agree (a compile error here means they drifted).
type Parsed = z.output<z.ZodObject<typeof reportOptions>>;
const _sectionsAgree: ReportSections = {} as z.output<typeof reportSections>;
const _optionsAgree: ReportOptions = {} as Parsed;
void _sectionsAgree;
void _optionsAgree;

export const exportingMethods = {
  'export.report': method<T.ExportResult>()({
    input: z
      .object({
        // Only what is implemented is advertised (issue 7); later formats are added with their writers.
        format: z.enum(['md', 'html', 'pdf', 'docx', 'pptx', 'csv', 'xlsx', 'qdpx', 'qdc']),
        ...reportOptions,
        /** CSV is one table per file; which one (XLSX has a sheet for each). */
        table: z.enum(['excerpts', 'codebook', 'matrix']).default('excerpts'),
      })
      .strict(),
    mutates: false,
  }),
  /** The export dialog's last choices in this project, or null before the first export. */
  'export.choices': method<{ choices: ExportChoices | null }>()({ input: z.object({}).strict(), mutates: false }),
  /** Remembers the dialog's choices in the project (project_meta.settings). Not undoable. */
  'export.rememberChoices': method<ExportChoices>()({
    input: z
      .object({
        format: z.enum(REPORT_FILE_FORMATS as [ReportFileFormat, ...ReportFileFormat[]]),
        ...reportOptions,
        table: z.enum(['excerpts', 'codebook', 'matrix']).optional(),
      })
      .strict(),
    mutates: true,
  }),
} as const;
