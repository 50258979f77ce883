/** What the probe extension (probe.ts) tells the tests, and what they can ask of it. */

export interface CardSnapshot {
  /** Painted and showing content (a card prepared out of sight during the hover delay is not). */
  readonly visible: boolean;
  readonly heading: string;
  readonly text: string;
  readonly inViewport: boolean;
  readonly onTopLayer: boolean;
  readonly focused: boolean;
  readonly links: readonly { href: string | null; rel: string | null; target: string | null }[];
  readonly factCount: number;
  readonly dealCount: number;
  readonly relatedCount: number;
  /** The card's buttons: label (aria-label, else text), whether it is a related entity's, centre. */
  readonly buttons: readonly { label: string; related: boolean; x: number; y: number }[];
  readonly position: string;
  readonly radius: string;
  readonly width: number;
  readonly center: { x: number; y: number };
  /** The card's box in the viewport. */
  readonly rect: { top: number; bottom: number; height: number };
  /** Its top border, width and colour (a pinned card's differs). */
  readonly border: string;
  /** The people category's accent colour, as set on the card. */
  readonly personAccent: string;
  /** How far the card's frame is scrolled. */
  readonly scrollTop: number;
  /** The card frame's computed background colour. */
  readonly background: string;
  /** The card's language (its article's `lang`). */
  readonly lang: string;
}

export interface ProbeState {
  card: CardSnapshot | null;
  /** Per card opened: pointer rest → start of the frame that first paints it (ms). */
  latencies: number[];
  lastMoveAt: number;
  /** axe-core's violations in the open card, once asked for. */
  axe: string[] | null;
  /** Firefox: the `find-mentions` messages the lens sent so far, once asked for (granted-build.ts). */
  finds: number | null;
}

export type ProbeCommand =
  | { kind: 'axe' }
  /** Firefox: asks the lens's test copy how many `find-mentions` it has seen. */
  | { kind: 'count-finds'; extensionId: string }
  /** Scrolls the card so that the first button whose label (aria-label, else text) starts with this is in view. */
  | { kind: 'scroll-to-button'; label: string };
