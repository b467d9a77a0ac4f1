import { createHash } from 'node:crypto';

/** The SHA-256 of a kept report version's figures, over the JSON text exactly as stored and sent. */
export const figuresHash = (figures: string) => createHash('sha256').update(figures, 'utf8').digest('hex');
