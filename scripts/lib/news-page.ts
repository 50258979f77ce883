/**
 * Generates a long news page from our own labelled articles (English, Russian and Chinese),
 * repeated until the article text reaches a target length, with inline markup (links, emphasis)
 * over some words so that mentions also cross element boundaries; and a page of the same shape
 * that names nothing in the dataset. Used by the huge-page test and the benchmark; deterministic,
 * so runs compare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelledArticle } from '../../utils/eval/labelled-article';

const ARTICLES_DIR = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'articles');

function articleParagraphs(): string[] {
  const paragraphs: string[] = [];
  for (const language of ['en', 'ru', 'zh']) {
    const dir = join(ARTICLES_DIR, language);
    for (const file of readdirSync(dir).sort()) {
      const { text } = parseLabelledArticle(readFileSync(join(dir, file), 'utf8'));
      paragraphs.push(
        ...text
          .split(/\n\s*\n/)
          .map((paragraph) => paragraph.trim())
          .filter(Boolean),
      );
    }
  }
  return paragraphs;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
}

const INLINE = ['em', 'strong', 'a'] as const;

/** Wraps every `every`-th word (space-separated; Chinese runs count as one) in inline markup. */
function withInlineMarkup(paragraph: string, every: number, offset: number): string {
  return paragraph
    .split(' ')
    .map((word, index) => {
      const escaped = escapeHtml(word);
      if ((index + offset) % every !== 0) return escaped;
      const tag = INLINE[(index + offset) % INLINE.length] as (typeof INLINE)[number];
      return tag === 'a' ? `<a href="/topic/${index}">${escaped}</a>` : `<${tag}>${escaped}</${tag}>`;
    })
    .join(' ');
}

export interface NewsPage {
  readonly html: string;
  /** Characters of article text (the paragraphs' text content). */
  readonly textChars: number;
}

function pageHtml(title: string, body: readonly string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.5 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}</style></head>
<body><article><h1>${escapeHtml(title)}</h1>
${body.join('\n')}
</article></body></html>`;
}

export function newsPage(targetChars: number, title = 'China–Russia news, long page'): NewsPage {
  const paragraphs = articleParagraphs();
  const body: string[] = [];
  let textChars = 0;
  for (let index = 0; textChars < targetChars; index++) {
    const paragraph = paragraphs[index % paragraphs.length] as string;
    body.push(`<p>${withInlineMarkup(paragraph, 7, index)}</p>`);
    textChars += paragraph.length;
  }
  return { html: pageHtml(title, body), textChars };
}

const QUIET_WORDS = (
  'the a garden river morning recipe bread oven slowly warm water flour salt yeast kitchen table ' +
  'window autumn leaves walk neighbour dog quiet street evening light music piano lesson school ' +
  'children paint colour blue green yellow chair lamp book shelf story chapter letter friend ' +
  'weekend market apples pears cheese coffee tea cup spoon plate soft bright cold rain cloud hill'
).split(' ');

/** Prose about nothing in the dataset, `targetChars` long: a page the lens should find nothing on. */
export function quietPage(targetChars: number, title = 'A quiet page'): NewsPage {
  const body: string[] = [];
  let textChars = 0;
  let seed = 7;
  const nextWord = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return QUIET_WORDS[seed % QUIET_WORDS.length] as string;
  };
  while (textChars < targetChars) {
    const words = Array.from({ length: 60 }, nextWord);
    const paragraph = `${words.join(' ')}.`;
    body.push(`<p>${withInlineMarkup(paragraph, 7, body.length)}</p>`);
    textChars += paragraph.length;
  }
  return { html: pageHtml(title, body), textChars };
}
