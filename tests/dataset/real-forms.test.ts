/**
 * Forms real articles use for entities the dataset has: regional transliterations and spelling
 * variants are data (aliases), and traditional forms keep 里 in transliterated names.
 */
import { describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { traditionalForms } from '../../utils/dataset/compile-dataset';

const { matcher } = loadLensIndex();
const entitiesIn = (text: string) => matcher.matchText(text).flatMap((mention) => mention.entities);

describe('real-article forms of dataset entities', () => {
  it('Taiwan and Hong Kong transliterations of Russian names', () => {
    expect(entitiesIn('總統蒲亭出訪。')).toEqual(['vladimir-putin']);
    expect(entitiesIn('能源部長席維勒夫說。')).toEqual(['sergey-tsivilev']);
    expect(entitiesIn('總裁尤里·鮑里索夫表示。')).toEqual(['yury-borisov']);
  });

  it('traditional forms of a transliterated name keep 里 as written there', () => {
    expect(traditionalForms('鲍里索夫')).toContain('鮑里索夫');
  });

  it('spelling variants and former names', () => {
    expect(entitiesIn('Trading opened on Micex today.')).toEqual(['moscow-exchange']);
    expect(entitiesIn('Переговоры вёл Ли Шаньфу.')).toEqual(['li-shangfu']);
    expect(entitiesIn('Строительство Тяньванской АЭС идёт.')).toEqual(['tianwan-npp']);
    expect(entitiesIn('中远集团的船到港。')).toEqual(['cosco-shipping']);
  });
});
