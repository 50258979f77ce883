declare module 'virtual:lens-data' {
  const data: import('./utils/dataset/records').CompiledDataset;
  export default data;
}
