import type { AppContext } from '../platform/context.ts';

export interface DemoSignIn {
  email: string;
  password: string;
  /** True when this call loaded the data; false when it was there already. */
  isNew: boolean;
}

/** Loads the demo organisations and account once (see docs/demo.md); later calls only return the sign-in. */
export async function ensureDemoData(_ctx: AppContext): Promise<DemoSignIn> {
  throw new Error('demo data: to be built (helper task)');
}
