// What every domain service is given: storage, time, randomness and the key ring. The domain
// never reaches for any of them on its own.

import type { Clock } from '../lib/clock.js';
import type { Random } from '../lib/random.js';
import type { KeyRing } from '../lib/key-ring.js';
import type { Store } from './store.js';

export interface Ports {
  readonly store: Store;
  readonly clock: Clock;
  readonly random: Random;
  readonly keyRing: KeyRing;
}
