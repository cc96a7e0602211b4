import { lazy, Suspense } from 'react';
import { useImporter } from '../../stores/importer.js';
import { useNav } from '../../stores/nav.js';
import { useTeamwork } from '../../stores/teamwork.js';
import { BoardView } from '../board/BoardView.js';
import { CodesView } from '../codes/CodesView.js';
import { ExcerptsView } from '../excerpts/ExcerptsView.js';
import { CsvPreviewDialog } from '../import/CsvPreviewDialog.js';
import { ImportOptionsDialog } from '../import/ImportOptionsDialog.js';
import { ImportPanel } from '../import/ImportPanel.js';
import { PasteDialog } from '../import/PasteDialog.js';
import { MemoDialog } from '../memos/MemoDialog.js';
import { MemosView } from '../memos/MemosView.js';
import { RightPanel } from '../panel/RightPanel.js';
import { ParticipantsView } from '../participants/ParticipantsView.js';
import { CodePicker } from '../reader/CodePicker.js';
import { ReaderView } from '../reader/ReaderView.js';
import { RetrievalView } from '../retrieval/RetrievalView.js';
import { SearchView } from '../search/SearchView.js';
import { HypothesesView } from '../synthesis/HypothesesView.js';
import { InsightsView } from '../synthesis/InsightsView.js';
import { AgreementDialog } from '../teamwork/AgreementDialog.js';
import { MergeDialog } from '../teamwork/MergeDialog.js';
import { CommandPalette } from './CommandPalette.js';
import { DropZone } from './DropZone.js';
import { ExportDialog } from './ExportDialog.js';
import { ProjectsDialog } from './ProjectsDialog.js';
import { Rail } from './Rail.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { StatusBar } from './StatusBar.js';
import { Toasts } from './Toasts.js';
import { useShortcuts } from './useShortcuts.js';

// The dashboard's charts (ECharts) load with it, not with the window.
const MetricsView = lazy(() => import('../metrics/MetricsView.js').then((m) => ({ default: m.MetricsView })));
// ECharts is half the page's code: the Analysis section loads it when first opened.
const AnalysisView = lazy(() => import('../analysis/AnalysisView.js').then((m) => ({ default: m.AnalysisView })));

/** The window: rail, centre, context panel and status bar, plus the overlays. */
export function Shell() {
  const section = useNav((s) => s.section);
  const exportOpen = useNav((s) => s.exportOpen);
  const teamDialog = useTeamwork((s) => s.dialog);
  const shortcutsOpen = useNav((s) => s.shortcutsOpen);
  const projectsOpen = useNav((s) => s.projectsOpen);
  const csvOpen = useImporter((s) => s.csv !== null);
  const batchOpen = useImporter((s) => s.batch !== null);
  const pasteOpen = useImporter((s) => s.pasteOpen);
  const wide = useNav((s) => s.wallWide && s.section === 'board');
  useShortcuts();
  return (
    // Analysis lists a cell's excerpts in its own side list, so the context panel gives it the room.
    <div className={`shell ${wide ? 'wall-wide' : ''} ${section === 'analysis' ? 'analysis-section' : ''}`}>
      <Rail />
      <main className="centre" aria-label={labels[section]}>
        {section === 'documents' && <ReaderView />}
        {section === 'codes' && <CodesView />}
        {section === 'excerpts' && <ExcerptsView />}
        {section === 'retrieve' && <RetrievalView />}
        {section === 'memos' && <MemosView />}
        {section === 'participants' && <ParticipantsView />}
        {section === 'board' && <BoardView />}
        {section === 'insights' && <InsightsView />}
        {section === 'hypotheses' && <HypothesesView />}
        {section === 'metrics' && (
          <Suspense fallback={null}>
            <MetricsView />
          </Suspense>
        )}
        {section === 'analysis' && (
          <Suspense fallback={<p className="muted analysis-loading">Loading the analysis views…</p>}>
            <AnalysisView />
          </Suspense>
        )}
        {section === 'search' && <SearchView />}
      </main>
      <RightPanel />
      <StatusBar />
      <CodePicker />
      <MemoDialog />
      <CommandPalette />
      {exportOpen && <ExportDialog />}
      {teamDialog === 'merge' && <MergeDialog />}
      {teamDialog === 'agreement' && <AgreementDialog />}
      {shortcutsOpen && <ShortcutsDialog />}
      {projectsOpen && <ProjectsDialog />}
      {batchOpen && <ImportOptionsDialog />}
      {csvOpen && <CsvPreviewDialog />}
      {pasteOpen && <PasteDialog />}
      <ImportPanel />
      <DropZone />
      <Toasts />
    </div>
  );
}

const labels = {
  documents: 'Transcript',
  codes: 'Codebook',
  excerpts: 'Excerpts',
  retrieve: 'Retrieval',
  memos: 'Memos',
  participants: 'Participants',
  board: 'Board',
  insights: 'Insights',
  hypotheses: 'Hypotheses',
  metrics: 'Metrics',
  analysis: 'Analysis',
  search: 'Search',
} as const;
