declare module 'virtual:lens-data' {
  const data: import('./utils/dataset/records').CompiledDataset;
  export default data;
}

declare module 'virtual:lens-lexicon' {
  const lexicon: import('./utils/dataset/records').PageLexicon;
  export default lexicon;
}
