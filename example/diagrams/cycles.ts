import type { Diagram } from './diagrams.ts';
import { renderCycle } from './svg.ts';

/**
 * The diagrams that show a mechanism rather than a formula: loops in which each step causes the
 * next, as the entries' bodies describe them.
 */
export const CYCLE_DIAGRAMS: readonly Diagram[] = [
  {
    file: 'short-gamma-feedback-loop.svg',
    render: () =>
      renderCycle({
        id: 'short-gamma-feedback-loop',
        title: 'The short-gamma hedging feedback loop',
        desc: 'A loop of four steps. The price of BTC rises. Dealers who are short gamma find their delta has fallen, leaving them short. To get back to delta neutral they buy BTC or perpetuals. Their buying pushes the price higher, which starts the loop again. The same loop runs downwards when the price falls and dealers must sell.',
        steps: [
          ['BTC price rises'],
          ['Short-gamma dealers’', 'delta falls: they are', 'now net short'],
          ['Dealers buy BTC or', 'perpetuals to get back', 'to delta neutral'],
          ['Hedge buying pushes', 'the price higher still'],
        ],
        centre: ['Hedging with', 'the move', 'amplifies it'],
      }),
  },
  {
    file: 'liquidation-cascade.svg',
    render: () =>
      renderCycle({
        id: 'liquidation-cascade',
        title: 'A liquidation cascade',
        desc: 'A loop of four steps. The price falls. Leveraged long positions drop below their maintenance margin. The venue’s liquidation engine closes them by selling at market. That forced selling pushes the price lower, which takes the next tier of leveraged longs below maintenance, and the loop repeats until buyers absorb the selling.',
        steps: [
          ['Price falls'],
          ['Leveraged longs drop', 'below maintenance', 'margin'],
          ['Liquidation engine', 'sells their positions', 'at market'],
          ['Forced selling pushes', 'the price lower'],
        ],
        centre: ['Each wave of', 'liquidations', 'triggers the next'],
      }),
  },
  {
    file: 'funding-rate-cycle.svg',
    render: () =>
      renderCycle({
        id: 'funding-rate-cycle',
        title: 'How funding pulls a perpetual back to its index',
        desc: 'A loop of four steps. Demand from leveraged longs lifts the perpetual above the spot index. A positive premium makes the funding rate positive, so longs pay shorts every interval. Paying funding makes longs trim positions, and arbitrageurs short the perpetual while buying spot to collect it. The perpetual falls back towards the index, funding returns to its baseline, and the cycle can start again in either direction.',
        steps: [
          ['Perpetual trades', 'above the index'],
          ['Funding turns positive:', 'longs pay shorts'],
          ['Longs trim; arbitrageurs', 'short perp, buy spot'],
          ['Perpetual falls back', 'towards the index'],
        ],
        centre: ['Funding anchors', 'the perpetual', 'to spot'],
      }),
  },
];
