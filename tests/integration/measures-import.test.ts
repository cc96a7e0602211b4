/**
 * Measure files through the contract on real project files: XLSX workbooks written with exceljs,
 * the column mapping preview, per-task values (long and wide files), rejection of a bad file
 * with nothing written, links from insights and hypotheses, and code prevalence by round.
 */

import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricId } from '../../core/contract/measures-types.js';
import { file, newTestApp, type TestApp } from './helpers.js';

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.dispose();
});

async function project(): Promise<TestApp> {
  const t = await newTestApp();
  apps.push(t);
  return t;
}

/** A real .xlsx: each sheet given as rows (the first the header). */
async function workbook(sheets: Record<string, (string | number | Date | null)[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const count = (t: TestApp, sql: string) => {
  const db = new Database(t.path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('measure files', () => {
  it('previews a workbook: its sheets, columns with samples, first rows and a guessed mapping', async () => {
    const t = await project();
    const xlsx = await workbook({
      Notes: [['just notes'], ['nothing here']],
      Scores: [
        ['Respondent', 'Market', 'Recommend (0-10)'],
        ['P01', 'DE', 9],
        ['P02', '中国', 6],
        ['P03', 'DE', 10],
      ],
    });
    const first = await t.call('metrics.preview', { file: file('nps.xlsx', xlsx) });
    expect(first).toMatchObject({ format: 'xlsx', sheets: ['Notes', 'Scores'], sheet: 'Notes', total: 1 });
    const preview = await t.call('metrics.preview', { file: file('nps.xlsx', xlsx), sheet: 'Scores' });
    expect(preview.columns.map((c) => [c.name, c.numeric])).toEqual([
      ['Respondent', false],
      ['Market', false],
      ['Recommend (0-10)', true],
    ]);
    expect(preview.rows[1]).toEqual({ row: 3, cells: ['P02', '中国', '6'] });
    expect(preview.suggested).toEqual({
      columns: ['Recommend (0-10)'],
      participantColumn: 'Respondent',
      segmentColumn: 'Market',
      taskColumn: null,
    });
    await expect(t.call('metrics.preview', { file: file('nps.xlsx', xlsx), sheet: 'Nope' })).rejects.toThrow(
      /no sheet "Nope"; its sheets are "Notes", "Scores"/,
    );
  });

  it('imports NPS from a chosen sheet with participant and segment columns, scored as from a CSV', async () => {
    const t = await project();
    await t.call('metrics.add', { name: 'NPS', kind: 'nps' });
    const xlsx = await workbook({
      Scores: [
        ['Respondent', 'Market', 'Score'],
        ['P01', 'DE', 9],
        ['P02', 'CN', 6],
        ['P03', 'DE', 10],
        ['P04', 'CN', null],
        ['P05', 'CN', 8],
      ],
    });
    const result = await t.call('metrics.import', {
      metric: 'NPS',
      round: 'R1',
      study: 'Checkout',
      file: file('nps.xlsx', xlsx),
      sheet: 'Scores',
      columns: ['Score'],
      participantColumn: 'Respondent',
      segmentColumn: 'Market',
    });
    expect(result).toEqual({ imported: 4, skipped: 1, replaced: 0 });
    const [nps] = await t.call('metrics.list', {});
    // Two promoters, one passive, one detractor of four: (2 − 1) / 4 = +25.
    expect(nps?.rounds[0]).toMatchObject({ round: 'R1', study: 'Checkout', n: 4, value: 25 });
    expect(nps?.segments.map((s) => [s.segment, s.n, s.value])).toEqual([
      ['DE', 2, 100],
      ['CN', 2, -50],
    ]);
    const participants = await t.call('participants.list', {});
    expect(participants.map((p) => p.label).sort()).toEqual(['P01', 'P02', 'P03', 'P05']);
  });

  it('reads task times per task from a long file and from a wide one (one column per task)', async () => {
    const t = await project();
    await t.call('metrics.add', { name: 'Time on task', kind: 'time' });
    await t.call('metrics.add', { name: 'Task success', kind: 'proportion' });
    const long = await workbook({
      Times: [
        ['participant', 'task', 'seconds'],
        ['P01', 'Find a coupon', '1:30'],
        ['P02', 'Find a coupon', 40],
        ['P01', 'Pay', 60],
        ['P02', 'Pay', 15],
      ],
    });
    await t.call('metrics.import', {
      metric: 'Time on task',
      round: 'R1',
      file: file('times.xlsx', long),
      columns: ['seconds'],
      participantColumn: 'participant',
      taskColumn: 'task',
    });
    const wide = 'participant,Find a coupon,Pay\nP01,success,1\nP02,fail,1\nP03,,0\n';
    const result = await t.call('metrics.import', {
      metric: 'Task success',
      round: 'R1',
      file: file('success.csv', wide),
      columns: ['Find a coupon', 'Pay'],
      participantColumn: 'participant',
    });
    expect(result).toEqual({ imported: 5, skipped: 1, replaced: 0 });
    const metrics = await t.call('metrics.list', {});
    const time = metrics.find((m) => m.name === 'Time on task');
    // Geometric means: √(90·40) = 60 s, √(60·15) = 30 s.
    expect(time?.tasks.map((k) => [k.task, k.n, Math.round(k.value * 1e9) / 1e9])).toEqual([
      ['Find a coupon', 2, 60],
      ['Pay', 2, 30],
    ]);
    const success = metrics.find((m) => m.name === 'Task success');
    expect(success?.tasks.map((k) => [k.task, k.n, k.value])).toEqual([
      ['Find a coupon', 2, 0.5],
      ['Pay', 3, 2 / 3],
    ]);
    // A file of one task replaces that task's values only.
    const again = await t.call('metrics.import', {
      metric: 'Task success',
      round: 'R1',
      file: file('pay.csv', 'participant,done\nP04,1\n'),
      columns: ['done'],
      participantColumn: 'participant',
      task: 'Pay',
    });
    expect(again).toEqual({ imported: 1, skipped: 0, replaced: 3 });
    const after = (await t.call('metrics.list', {})).find((m) => m.name === 'Task success');
    expect(after?.tasks.map((k) => [k.task, k.n])).toEqual([
      ['Find a coupon', 2],
      ['Pay', 1],
    ]);
    expect(count(t, `SELECT count(*) FROM v_metric_values WHERE metric = 'Task success' AND task = 'Pay'`)).toBe(1);
  });

  it('rejects a workbook with an out-of-range value naming its row and column, writing nothing', async () => {
    const t = await project();
    await t.call('metrics.add', { name: 'NPS', kind: 'nps' });
    const xlsx = await workbook({
      Scores: [
        ['id', 'market', 'score'],
        ['a', 'DE', 9],
        ['b', 'DE', 10],
        ['c', 'CN', 11],
      ],
    });
    const before = count(t, 'SELECT count(*) FROM participants');
    await expect(
      t.call('metrics.import', {
        metric: 'NPS',
        round: 'R1',
        file: file('bad.xlsx', xlsx),
        columns: ['score'],
        participantColumn: 'id',
        segmentColumn: 'market',
      }),
    ).rejects.toThrow(
      'bad.xlsx, row 4, column "score": "11" must be a whole number from 0 to 10. Nothing was imported.',
    );
    expect(count(t, 'SELECT count(*) FROM metric_values')).toBe(0);
    expect(count(t, 'SELECT count(*) FROM rounds')).toBe(0);
    expect(count(t, 'SELECT count(*) FROM participants')).toBe(before);
    // A wide file names the task column that holds the bad value.
    await t.call('metrics.add', { name: 'Success', kind: 'proportion' });
    await expect(
      t.call('metrics.import', {
        metric: 'Success',
        round: 'R1',
        file: file('wide.csv', 'id,Task A,Task B\na,1,0\nb,1,2\n'),
        columns: ['Task A', 'Task B'],
      }),
    ).rejects.toThrow('wide.csv, row 3, column "Task B": "2" must be 0 or 1');
    expect(count(t, 'SELECT count(*) FROM metric_values')).toBe(0);
  });

  it('refuses a file that is not a workbook, and a task column beside per-task columns', async () => {
    const t = await project();
    await t.call('metrics.add', { name: 'SUS', kind: 'sus' });
    await expect(
      t.call('metrics.preview', { file: file('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip')) }),
    ).rejects.toThrow(/broken\.xlsx: it is not an Excel workbook/);
    await t.call('metrics.add', { name: 'Time', kind: 'time' });
    await expect(
      t.call('metrics.import', {
        metric: 'Time',
        round: 'R1',
        file: file('t.csv', 'task,a,b\nx,1,2\n'),
        columns: ['a', 'b'],
        taskColumn: 'task',
      }),
    ).rejects.toThrow(/each column's header names its task/);
  });

  it('imports undoably: one undo removes the whole file', async () => {
    const t = await project();
    await t.call('metrics.add', { name: 'NPS', kind: 'nps' });
    await t.call('metrics.import', {
      metric: 'NPS',
      round: 'R1',
      file: file('n.csv', 'score\n9\n10\n3\n'),
      columns: ['score'],
    });
    expect(count(t, 'SELECT count(*) FROM metric_values')).toBe(3);
    const status = await t.call('history.undo', {});
    expect(status.redoLabel).toMatch(/import NPS for R1/);
    expect(count(t, 'SELECT count(*) FROM metric_values')).toBe(0);
  });
});

describe('links between findings and measures', () => {
  it('links insights and hypotheses to a measure, lists them with it, and drops links with their ends', async () => {
    const t = await project();
    const { metricId } = await t.call('metrics.add', { name: 'NPS', kind: 'nps' });
    const { insightId } = await t.call('insights.add', { title: 'Hidden coupons cost trust', statement: 'S' });
    const { hypothesisId } = await t.call('hypotheses.add', { statement: 'Showing the coupon field lifts NPS' });
    expect(await t.call('metrics.link', { metricId, insightId })).toEqual({ linked: true });
    expect(await t.call('metrics.link', { metricId, insightId })).toEqual({ linked: false });
    await t.call('metrics.link', { metricId, hypothesisId, note: 'R2 test' });
    const [nps] = await t.call('metrics.list', {});
    expect(nps?.links).toEqual([
      { kind: 'insight', id: insightId, title: 'Hidden coupons cost trust', status: 'draft', note: '' },
      {
        kind: 'hypothesis',
        id: hypothesisId,
        title: 'Showing the coupon field lifts NPS',
        status: 'open',
        note: 'R2 test',
      },
    ]);
    expect(await t.call('metrics.linkedTo', { insightId })).toEqual([{ metricId, name: 'NPS' }]);
    await expect(t.call('metrics.link', { metricId, insightId: 999 as never })).rejects.toThrow(
      'There is no insight 999',
    );
    await expect(t.call('metrics.link', { metricId })).rejects.toThrow(/an insight or a hypothesis/);

    await t.call('insights.delete', { id: insightId });
    expect((await t.call('metrics.list', {}))[0]?.links.map((l) => l.kind)).toEqual(['hypothesis']);
    expect(count(t, `SELECT count(*) FROM links WHERE from_kind = 'insight'`)).toBe(0);
    // Undoing the delete brings the insight back with its link.
    await t.call('history.undo', {});
    expect((await t.call('metrics.list', {}))[0]?.links.map((l) => l.kind)).toEqual(['insight', 'hypothesis']);
    expect(await t.call('metrics.unlink', { metricId, hypothesisId })).toEqual({ unlinked: true });
    expect(await t.call('metrics.linkedTo', { hypothesisId })).toEqual([]);
    expect(metricId).toBe(1 as MetricId);
  });

  it("changes a link's note by linking again with one; without a note, linking again keeps it; undo restores it", async () => {
    const t = await project();
    const { metricId } = await t.call('metrics.add', { name: 'SUS', kind: 'sus' });
    const { insightId } = await t.call('insights.add', { title: 'Labels confuse', statement: 'S' });
    const noteOf = async () => (await t.call('metrics.list', {}))[0]?.links[0]?.note;
    expect(await t.call('metrics.link', { metricId, insightId, note: ' Explains the R2 dip ' })).toEqual({
      linked: true,
    });
    expect(await noteOf()).toBe('Explains the R2 dip');
    expect(await t.call('metrics.link', { metricId, insightId })).toEqual({ linked: false });
    expect(await noteOf()).toBe('Explains the R2 dip');
    expect(await t.call('metrics.link', { metricId, insightId, note: 'Explains the R2 dip' })).toEqual({
      linked: false,
    });
    expect(await t.call('metrics.link', { metricId, insightId, note: 'Explains R2 and R3' })).toEqual({
      linked: true,
    });
    expect(await noteOf()).toBe('Explains R2 and R3');
    expect(count(t, 'SELECT count(*) FROM links')).toBe(1);
    await t.call('history.undo', {});
    expect(await noteOf()).toBe('Explains the R2 dip');
  });
});

describe('code prevalence by round', () => {
  it('gives each code its share of participants per round and ranks codes by how far it moved', async () => {
    const t = await project();
    const interview = (name: string, participant: string, round: string, text: string) =>
      t.call('documents.import', { files: [file(name, text)], participant, study: 'Checkout', round });
    const { id: coupon } = await t.call('codes.add', { name: 'Coupon friction' });
    const { id: speed } = await t.call('codes.add', { name: 'Delivery speed' });
    const tag = async (res: Awaited<ReturnType<typeof interview>>, codeIds: number[]) => {
      const documentId = res.imported[0]?.documentIds[0] as never;
      await t.call('excerpts.tag', { documentId, start: 0, end: 5, codeIds: codeIds as never });
    };
    // R1: four participants, three mention coupons, one speed. R2: two participants, none coupons, both speed.
    const r1 = await Promise.all(
      ['P1', 'P2', 'P3', 'P4'].map((p) => interview(`${p}-r1.txt`, p, 'R1', `Hello from ${p} in round one.`)),
    );
    await tag(r1[0] as never, [coupon]);
    await tag(r1[1] as never, [coupon, speed]);
    await tag(r1[2] as never, [coupon]);
    const r2 = await Promise.all(
      ['P1', 'P5'].map((p) => interview(`${p}-r2.txt`, p, 'R2', `Hi again ${p}, round two.`)),
    );
    await tag(r2[0] as never, [speed]);
    await tag(r2[1] as never, [speed]);
    const trends = await t.call('metrics.codeTrends', { study: 'Checkout' });
    expect(trends).toMatchObject({ study: 'Checkout', from: 'R1', to: 'R2', rounds: ['R1', 'R2'] });
    // Both moved by 0.75 (ties by name).
    expect(trends.codes.map((c) => [c.code, c.change])).toEqual([
      ['Coupon friction', 0 - 0.75],
      ['Delivery speed', 1 - 0.25],
    ]);
    expect(trends.codes[0]?.rounds).toEqual([
      { round: 'R1', participants: 3, total: 4, share: 0.75 },
      { round: 'R2', participants: 0, total: 2, share: 0 },
    ]);
    expect(speed).toBeDefined();
    // Any two rounds can be compared, in either order.
    const back = await t.call('metrics.codeTrends', { study: 'Checkout', from: 'R2', to: 'R1' });
    expect(back).toMatchObject({ from: 'R2', to: 'R1' });
    expect(back.codes.find((c) => c.code === 'Coupon friction')?.change).toBe(0.75);
    await expect(t.call('metrics.codeTrends', { study: 'Checkout', from: 'R9' })).rejects.toThrow(
      'Study "Checkout" has no round "R9"',
    );
    await expect(t.call('metrics.codeTrends', { study: 'Nope' })).rejects.toThrow('There is no study named "Nope"');
  });
});

describe('measures in reports', () => {
  it('puts each measure by round, with its interval and n, into the Markdown and HTML report and the office charts', async () => {
    const t = await project();
    await t.call('metrics.add', { name: 'Task success', kind: 'proportion', target: 0.8 });
    const rounds: [string, string][] = [
      ['R1', 'ok\n1\n0\n1\n0\n'],
      ['R2', 'ok\n1\n1\n1\n0\n'],
    ];
    for (const [round, rows] of rounds) {
      await t.call('metrics.import', { metric: 'Task success', round, file: file('t.csv', rows), columns: ['ok'] });
    }
    const md = (await t.call('export.report', { format: 'md' })).data;
    expect(md).toContain('### Task success by round (95% interval)');
    // 2 of 4 = 50%, Wilson 15.0–85.0; 3 of 4 = 75%, Wilson 30.1–95.4.
    expect(md).toContain('| R1 (Study) | 4 | 50 | 15 – 85 |   |');
    expect(md).toMatch(/\| R2 \(Study\) \| 4 \| 75 \| 30\.1 – 95\.4 \| 0\.\d{3} \|/);
    const html = (await t.call('export.report', { format: 'html' })).data;
    const section = html.slice(html.indexOf('data-measure="Task success"'));
    expect(section).toContain('<div>R1</div>');
    expect(section).toContain('75% (30.1 – 95.4) · n = 4');
    // Word and PowerPoint draw the same measure as a chart, with the target line.
    const { measureChart } = await import('../../core/export/charts.js');
    const chart = measureChart(
      [
        { round: 'R1', value: 50, ci95: [15, 85] },
        { round: 'R2', value: 75, ci95: [30.1, 95.4] },
      ],
      80,
      'Task success by round (95% interval)',
    );
    expect(chart.svg).toMatch(/^<svg[\s\S]*>R1<[\s\S]*>R2<[\s\S]*<\/svg>$/);
    expect(chart.svg).toContain('stroke-dasharray');
  });
});
