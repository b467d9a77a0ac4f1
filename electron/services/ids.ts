import { v7 } from 'uuid';

/** UUIDv7: time-ordered, so ids sort by creation and index well; unique across offices for bundles. */
export const newId = (): string => v7();
