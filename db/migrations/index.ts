/** Every migration, imported statically: bundlers cannot follow a folder scan. Append only. */
import { m0001 } from './0001_init';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m0001];
export const LATEST_VERSION = MIGRATIONS.length;
