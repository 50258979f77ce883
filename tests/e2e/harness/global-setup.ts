import { assertBuilt } from './paths';

export default function setup(): void {
  assertBuilt();
}
