// What the in-browser scanner tests need, bundled by bundle-for-page.ts.
export { Matcher } from '../../../utils/matcher/matcher';
export { rangeOf, scanSegments } from '../../../utils/page/scan-text';
