/**
 * Headings and fixed phrases of a report in each report language. Quotes, titles and names stay
 * as the project has them; only what Quarry itself writes is translated.
 */
import type { ReportLanguage } from '../contract/report-types.js';
import type { RedactionKind } from './model.js';

type Count = (n: number) => string;

export interface ReportStrings {
  reportOf: (date: string) => string;
  executiveSummary: string;
  insights: string;
  hypotheses: string;
  codes: string;
  boards: string;
  method: string;
  participants: string;
  charts: string;
  appendix: string;
  codebook: string;
  documents: string;
  excerpts: string;
  memos: string;
  notGrouped: string;
  quotedAbove: string;
  noneYet: string;
  recommendation: string;
  priority: Record<'high' | 'medium' | 'low', string>;
  status: Record<'open' | 'supported' | 'refuted', string>;
  supports: string;
  contradicts: string;
  memo: string;
  participant: string;
  language: string;
  rounds: string;
  keyAttributes: string;
  nParticipants: Count;
  nDocuments: Count;
  nExcerpts: Count;
  nCodes: Count;
  redactedNotice: string;
  redactionKinds: Record<RedactionKind, string>;
  codeChart: string;
  segmentChart: (attribute: string) => string;
  measureChart: (measure: string) => string;
}

const en: ReportStrings = {
  reportOf: (d) => `Report of ${d}`,
  executiveSummary: 'Executive summary',
  insights: 'Insights',
  hypotheses: 'Hypotheses',
  codes: 'Themes',
  boards: 'Boards',
  method: 'Method',
  participants: 'Participants',
  charts: 'Charts',
  appendix: 'Appendix',
  codebook: 'Codebook',
  documents: 'Documents',
  excerpts: 'Excerpts',
  memos: 'Memos',
  notGrouped: 'Not grouped',
  quotedAbove: 'Its quotes appear above.',
  noneYet: 'None yet.',
  recommendation: 'Recommendation',
  priority: { high: 'High priority', medium: 'Medium priority', low: 'Low priority' },
  status: { open: 'Open', supported: 'Supported', refuted: 'Refuted' },
  supports: 'Supports',
  contradicts: 'Contradicts',
  memo: 'Memo',
  participant: 'Participant',
  language: 'Languages',
  rounds: 'Rounds',
  keyAttributes: 'Segmented by',
  nParticipants: (n) => `${n} ${n === 1 ? 'participant' : 'participants'}`,
  nDocuments: (n) => `${n} ${n === 1 ? 'document' : 'documents'}`,
  nExcerpts: (n) => `${n} ${n === 1 ? 'excerpt' : 'excerpts'}`,
  nCodes: (n) => `${n} ${n === 1 ? 'code' : 'codes'}`,
  redactedNotice:
    'Redacted: names of participants and speakers are replaced with pseudonyms, e-mail addresses and phone numbers are masked, and identifying attributes are left out.',
  redactionKinds: {
    participantNames: 'participant names',
    speakerNames: 'speaker names',
    identifyingAttributes: 'identifying attribute values',
    emails: 'e-mail addresses',
    phones: 'phone numbers',
  },
  codeChart: 'Excerpts and participants per theme',
  segmentChart: (a) => `Participants by ${a}`,
  measureChart: (m) => `${m} by round (95% interval)`,
};

const de: ReportStrings = {
  reportOf: (d) => `Bericht vom ${d}`,
  executiveSummary: 'Zusammenfassung',
  insights: 'Erkenntnisse',
  hypotheses: 'Hypothesen',
  codes: 'Themen',
  boards: 'Boards',
  method: 'Methode',
  participants: 'Teilnehmende',
  charts: 'Diagramme',
  appendix: 'Anhang',
  codebook: 'Codebuch',
  documents: 'Dokumente',
  excerpts: 'Zitate',
  memos: 'Memos',
  notGrouped: 'Ohne Gruppe',
  quotedAbove: 'Die Zitate stehen weiter oben.',
  noneYet: 'Noch keine.',
  recommendation: 'Empfehlung',
  priority: { high: 'Hohe Priorität', medium: 'Mittlere Priorität', low: 'Niedrige Priorität' },
  status: { open: 'Offen', supported: 'Bestätigt', refuted: 'Widerlegt' },
  supports: 'Stützt',
  contradicts: 'Widerspricht',
  memo: 'Memo',
  participant: 'Teilnehmer:in',
  language: 'Sprachen',
  rounds: 'Runden',
  keyAttributes: 'Segmentiert nach',
  nParticipants: (n) => `${n} ${n === 1 ? 'Teilnehmer:in' : 'Teilnehmende'}`,
  nDocuments: (n) => `${n} ${n === 1 ? 'Dokument' : 'Dokumente'}`,
  nExcerpts: (n) => `${n} ${n === 1 ? 'Zitat' : 'Zitate'}`,
  nCodes: (n) => `${n} ${n === 1 ? 'Code' : 'Codes'}`,
  redactedNotice:
    'Anonymisiert: Namen von Teilnehmenden und Sprechenden sind durch Pseudonyme ersetzt, E-Mail-Adressen und Telefonnummern maskiert, identifizierende Merkmale weggelassen.',
  redactionKinds: {
    participantNames: 'Namen von Teilnehmenden',
    speakerNames: 'Namen von Sprechenden',
    identifyingAttributes: 'identifizierende Merkmale',
    emails: 'E-Mail-Adressen',
    phones: 'Telefonnummern',
  },
  codeChart: 'Zitate und Teilnehmende je Thema',
  segmentChart: (a) => `Teilnehmende nach ${a}`,
  measureChart: (m) => `${m} je Runde (95-%-Intervall)`,
};

const ja: ReportStrings = {
  reportOf: (d) => `${d} 作成のレポート`,
  executiveSummary: 'エグゼクティブサマリー',
  insights: 'インサイト',
  hypotheses: '仮説',
  codes: 'テーマ',
  boards: 'ボード',
  method: '調査方法',
  participants: '参加者',
  charts: 'グラフ',
  appendix: '付録',
  codebook: 'コードブック',
  documents: 'ドキュメント',
  excerpts: '抜粋',
  memos: 'メモ',
  notGrouped: '未分類',
  quotedAbove: '引用は上記に掲載しています。',
  noneYet: 'まだありません。',
  recommendation: '提言',
  priority: { high: '優先度：高', medium: '優先度：中', low: '優先度：低' },
  status: { open: '未検証', supported: '支持', refuted: '棄却' },
  supports: '支持',
  contradicts: '反証',
  memo: 'メモ',
  participant: '参加者',
  language: '言語',
  rounds: 'ラウンド',
  keyAttributes: 'セグメント',
  nParticipants: (n) => `参加者 ${n} 名`,
  nDocuments: (n) => `ドキュメント ${n} 件`,
  nExcerpts: (n) => `抜粋 ${n} 件`,
  nCodes: (n) => `コード ${n} 件`,
  redactedNotice:
    '匿名化済み：参加者・話者の名前は仮名に置き換え、メールアドレスと電話番号は伏せ、個人を特定できる属性は除外しています。',
  redactionKinds: {
    participantNames: '参加者の名前',
    speakerNames: '話者の名前',
    identifyingAttributes: '個人を特定できる属性',
    emails: 'メールアドレス',
    phones: '電話番号',
  },
  codeChart: 'テーマ別の抜粋数と参加者数',
  segmentChart: (a) => `${a}別の参加者`,
  measureChart: (m) => `ラウンド別の${m}（95%区間）`,
};

const zh: ReportStrings = {
  reportOf: (d) => `报告日期：${d}`,
  executiveSummary: '摘要',
  insights: '洞察',
  hypotheses: '假设',
  codes: '主题',
  boards: '看板',
  method: '研究方法',
  participants: '参与者',
  charts: '图表',
  appendix: '附录',
  codebook: '编码手册',
  documents: '文档',
  excerpts: '摘录',
  memos: '备忘录',
  notGrouped: '未分组',
  quotedAbove: '相关引述见上文。',
  noneYet: '暂无。',
  recommendation: '建议',
  priority: { high: '高优先级', medium: '中优先级', low: '低优先级' },
  status: { open: '待验证', supported: '已支持', refuted: '已否定' },
  supports: '支持',
  contradicts: '反驳',
  memo: '备忘',
  participant: '参与者',
  language: '语言',
  rounds: '轮次',
  keyAttributes: '细分依据',
  nParticipants: (n) => `${n} 位参与者`,
  nDocuments: (n) => `${n} 份文档`,
  nExcerpts: (n) => `${n} 条摘录`,
  nCodes: (n) => `${n} 个编码`,
  redactedNotice: '已匿名化：参与者和发言人的姓名已替换为化名，电子邮件地址和电话号码已遮盖，可识别身份的属性已省略。',
  redactionKinds: {
    participantNames: '参与者姓名',
    speakerNames: '发言人姓名',
    identifyingAttributes: '可识别身份的属性',
    emails: '电子邮件地址',
    phones: '电话号码',
  },
  codeChart: '各主题的摘录数和参与者数',
  segmentChart: (a) => `按${a}划分的参与者`,
  measureChart: (m) => `各轮${m}（95%区间）`,
};

const TABLE: Record<ReportLanguage, ReportStrings> = { en, de, ja, zh };

export function reportStrings(language: ReportLanguage): ReportStrings {
  return TABLE[language];
}

/** "3 participants · 4 documents · 6 excerpts" — the strength line every writer prints. */
export function describeStrength(
  s: { participants: number; documents: number; excerpts: number },
  t: ReportStrings,
): string {
  return [t.nParticipants(s.participants), t.nDocuments(s.documents), t.nExcerpts(s.excerpts)].join(' · ');
}

/** "market: DE 2, JP 1" — participants per value of the first key attribute, or "" when none. */
export function describeSegments(
  segments: { attribute: string; values: { value: string; participants: number }[] } | null,
): string {
  if (!segments || segments.values.length === 0) return '';
  return `${segments.attribute}: ${segments.values.map((v) => `${v.value} ${v.participants}`).join(', ')}`;
}

/** "Redacted: participant names 12 · e-mail addresses 1" — counts only, never the names. */
export function describeRedaction(kinds: readonly { kind: RedactionKind; count: number }[], t: ReportStrings): string {
  return kinds.map((k) => `${t.redactionKinds[k.kind]}: ${k.count}`).join(' · ');
}
