import { officeKop, type KopSource } from '../../../shared/kop';
import type { DocumentModel } from './model';

/** The kop lines of a document model, from the one builder the setup and settings previews also use. */
export function kopOf(office: KopSource): Pick<DocumentModel, 'letterhead' | 'letterheadSmall'> {
  const kop = officeKop(office);
  return { letterhead: kop.lines, letterheadSmall: kop.small };
}
