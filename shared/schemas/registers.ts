import { z } from 'zod';
import { OverdueInput } from './checkins';
import { ClientListInput } from './clients';
import { id } from './common';
import { PartnerListInput } from './partners';
import { ReferralListInput } from './referrals';

/**
 * The printed registers ("Buku register"): each takes the filter of the list it prints, the paper
 * and what to make of it (HTML for preview and print, PDF, DOCX, or the .xlsx of the same rows).
 * The books print every row the filter keeps, so paging and sort are not theirs to choose.
 */
const output = { paper: z.enum(['A4', 'F4']), format: z.enum(['html', 'docx', 'pdf', 'xlsx']) };

export const ClientBookInput = ClientListInput.omit({ sort: true, dir: true, limit: true, offset: true }).extend(output).strict();
export const PartnerBookInput = PartnerListInput.omit({ sort: true, dir: true, limit: true, offset: true }).extend(output).strict();
export const ReferralBookInput = ReferralListInput.omit({ limit: true, offset: true }).extend(output).strict();
export const OverdueBookInput = OverdueInput.extend(output).strict();
/** One record's book: a client's check-in card, an activity's daftar hadir or laporan kegiatan. */
export const RecordBookInput = z.object({ id, ...output }).strict();
