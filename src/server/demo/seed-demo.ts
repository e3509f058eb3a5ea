// --demo: a small organization to look around in. Seeding is idempotent.

import type { Services } from '../../domain/services.js';

export const seedDemo = async (_services: Services, print: (line: string) => void): Promise<void> => {
  print('Demo data: not yet available.');
};
