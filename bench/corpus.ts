/**
 * A deterministic generator of interview transcripts for benchmarks: `Name: text` speaker
 * lines, an English vocabulary with a Zipf-like spread (so postings lists look like real
 * text), German and French words sprinkled in, recurring phrases for phrase queries, and a
 * share of Chinese and Japanese lines so the trigram index is exercised. The same seed
 * always writes the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusOptions {
  /** Folder to write into (created if missing). */
  dir: string;
  docs: number;
  /** Words per document (approximate: a document ends at the first turn past it). */
  wordsPerDoc: number;
  seed?: number;
  /** Share of participant turns written in Chinese or Japanese, 0..1. */
  cjkShare?: number;
}

export interface CorpusFile {
  path: string;
  name: string;
  bytes: number;
  words: number;
}

export interface Corpus {
  dir: string;
  files: CorpusFile[];
  bytes: number;
  /** Whitespace-separated words; a CJK run counts one word per two characters. */
  words: number;
  seed: number;
}

/** mulberry32: small, fast, and good enough to make text look varied. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the I and to a it of that was you in it's just they so but like on for is we my there
what have if not with be at really this when then would because had all think know them one
were or me about your can just out do get got some time more go very actually were even page
again still only already maybe never always first last thing way much`.split(/\s+/);

const DOMAIN = `checkout basket cart delivery shipping payment card address postcode account password
guest order discount code voucher promo coupon refund return returns tracking parcel courier
phone laptop tablet app browser screen button field form error message total price fee tax
invoice receipt email confirmation newsletter review reviews trust secure padlock badge logo
PayPal Klarna Apple Pay Google instalments wallet bank declined expired verification login
sign-up signup checkout-page summary subtotal quantity size colour stock wishlist store shop
website brand product photos description pickup locker collect courier weekend Monday evening
promotion free threshold express standard slow fast cheap expensive annoying confusing simple
quick easy hidden surprise friction frustrated worried relieved happy abandon abandoned switch
compare comparison competitor marketplace Amazon customer service chat support hotline delay`.split(/\s+/);

/** Words researchers meet in European interviews; diacritics exercise folding. */
const EUROPEAN = `Versandkosten Rechnung Lieferung Warenkorb Gutschein Rücksendung Packstation Überweisung
Kundenkonto Bestellung zuverlässig günstig livraison panier paiement frais remboursement
déjà café naïve commande colis reçu fiabilité achat prête`.split(/\s+/);

const PHRASES = [
  'guest checkout',
  'delivery cost',
  'promo code',
  'free delivery',
  'card declined',
  'create an account',
  'order confirmation',
  'payment method',
  'returns policy',
  'next day delivery',
];

const FILLERS = ['you know,', 'I mean,', 'honestly,', 'like,', 'to be fair,', 'I guess', 'kind of', 'sort of'];

const CJK = [
  '送料が高すぎると思いました',
  'コンビニ払いが使えると安心です',
  '会員登録はしたくないです',
  'クーポンコードの欄が見つかりませんでした',
  '配送料は最後の画面で初めて分かりました',
  '住所の入力でエラーが出ました',
  'スマホだと文字が小さくて読みにくいです',
  '结账流程太复杂了',
  '我更喜欢用支付宝付款',
  '运费在最后一步才显示出来',
  '没有游客结账的选项',
  '优惠码总是无效',
  '退货政策写得很清楚',
  '手机上填写地址很麻烦',
];

const INTERVIEWER_OPENERS = [
  'Can you tell me more about',
  'What happened when you reached the',
  'How did you feel about the',
  'Walk me through the',
  'Why was the',
  'What would you change about the',
  'Did you notice the',
];

const NAMES = `Anna Ben Chloe David Emma Farid Grace Hiro Ines Jonas Kenji Lara Mateo Nina Omar Paula
Quentin Rosa Sven Tariq Uma Viktor Wen Xavier Yara Zoe`.split(/\s+/);

export interface Generator {
  transcript(index: number, words: number): { text: string; words: number };
}

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.min(items.length - 1, Math.floor(r * items.length))] as T;
}

export function createGenerator(seed: number, cjkShare: number): Generator {
  const rand = prng(seed);
  // Squaring the draw skews choices towards the head of each list: a cheap Zipf-like spread.
  const skewed = <T>(items: readonly T[]) => pick(items, rand() * rand());

  function word(): string {
    const r = rand();
    if (r < 0.55) return skewed(COMMON);
    if (r < 0.97) return skewed(DOMAIN);
    return pick(EUROPEAN, rand());
  }

  function sentence(target: number): { text: string; words: number } {
    const parts: string[] = [];
    let count = 0;
    while (count < target) {
      const r = rand();
      if (r < 0.06) {
        const phrase = pick(PHRASES, rand());
        parts.push(phrase);
        count += phrase.split(' ').length;
      } else if (r < 0.09) {
        const filler = pick(FILLERS, rand());
        parts.push(filler);
        count += filler.split(' ').length;
      } else {
        parts.push(word());
        count++;
      }
    }
    const first = parts[0] ?? '';
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
    const end = rand() < 0.12 ? '?' : rand() < 0.05 ? '!' : '.';
    return { text: `${parts.join(' ')}${end}`, words: count };
  }

  function speech(target: number): { text: string; words: number } {
    const sentences: string[] = [];
    let count = 0;
    while (count < target) {
      const s = sentence(4 + Math.floor(rand() * 16));
      sentences.push(s.text);
      count += s.words;
    }
    return { text: sentences.join(' '), words: count };
  }

  function cjkSpeech(): { text: string; words: number } {
    const n = 1 + Math.floor(rand() * 4);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`${pick(CJK, rand())}${rand() < 0.3 ? '、でも' : '。'}`);
    const text = lines.join('');
    return { text, words: Math.ceil(text.length / 2) };
  }

  return {
    transcript(index, target) {
      const participant = `${pick(NAMES, rand())} (P${String(index + 1).padStart(3, '0')})`;
      const lines: string[] = [];
      let count = 0;
      while (count < target) {
        const question = `${pick(INTERVIEWER_OPENERS, rand())} ${skewed(DOMAIN)} ${skewed(DOMAIN)}?`;
        lines.push(`Interviewer: ${question}`);
        count += question.split(' ').length;
        const answer = rand() < cjkShare ? cjkSpeech() : speech(20 + Math.floor(rand() * 140));
        lines.push(`${participant}: ${answer.text}`);
        count += answer.words;
      }
      return { text: `${lines.join('\n')}\n`, words: count };
    },
  };
}

/** Writes `docs` transcripts into `dir` as interview-0001.txt, interview-0002.txt, ... */
export function generateCorpus(options: CorpusOptions): Corpus {
  const seed = options.seed ?? 20_240_601;
  const generator = createGenerator(seed, options.cjkShare ?? 0.08);
  mkdirSync(options.dir, { recursive: true });
  const files: CorpusFile[] = [];
  let bytes = 0;
  let words = 0;
  const width = Math.max(4, String(options.docs).length);
  for (let i = 0; i < options.docs; i++) {
    const { text, words: count } = generator.transcript(i, options.wordsPerDoc);
    const name = `interview-${String(i + 1).padStart(width, '0')}.txt`;
    const path = join(options.dir, name);
    const data = Buffer.from(text, 'utf8');
    writeFileSync(path, data);
    files.push({ path, name, bytes: data.length, words: count });
    bytes += data.length;
    words += count;
  }
  return { dir: options.dir, files, bytes, words, seed };
}
