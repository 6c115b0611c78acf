import type { z } from 'zod';
import type { ZTransferStatus } from '../../../src/shared/lists.ts';

/** The transfer check's verdict on a destination, as the API presents it on locations, vendors and transfers. */
export type TTransferStatus = z.infer<typeof ZTransferStatus>;
