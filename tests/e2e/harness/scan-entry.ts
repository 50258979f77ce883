// What the in-browser scanner tests need, bundled by bundle-for-page.ts.
export { Matcher } from '../../../utils/matcher/matcher';
export { scanSegments, spanOf } from '../../../utils/page/scan-text';
