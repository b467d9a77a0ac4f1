/**
 * Referrals (rujukan / penyaluran) of clients to partners: the status path, the outcomes, and what
 * the main process checks before a referral may be made.
 */
export const REFERRAL_STATUSES = ['diusulkan', 'diterima', 'ditolak', 'berjalan', 'selesai', 'dihentikan'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** diusulkan → diterima / ditolak → berjalan → selesai / dihentikan (a placement may also stop before it starts). */
export const REFERRAL_MOVES: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  diusulkan: ['diterima', 'ditolak'],
  diterima: ['berjalan', 'dihentikan'],
  ditolak: [],
  berjalan: ['selesai', 'dihentikan'],
  selesai: [],
  dihentikan: [],
};

/** Statuses that hold a place at the partner (counted against its capacity). */
export const OPEN_REFERRAL_STATUSES = ['diusulkan', 'diterima', 'berjalan'] as const satisfies readonly ReferralStatus[];

export const OUTCOMES = ['bekerja', 'berwirausaha', 'lulus_pelatihan', 'melanjutkan_pendidikan', 'bimbingan_selesai', 'tidak_selesai'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes a finished (selesai) referral may carry: any but "not finished". */
export const FINISHED_OUTCOMES: readonly Outcome[] = OUTCOMES.filter((o) => o !== 'tidak_selesai');

/** Community service is finished only once the hours the court ordered are worked (the form and the main process both ask). */
export const hoursOutstanding = (hoursRequired: number | null, hoursDone: number): boolean => hoursRequired !== null && hoursDone < hoursRequired;

/** Why a referral cannot be made; an admin may override the partner and agreement reasons with a written reason. */
export const REFERRAL_PROBLEMS = [
  'clientNotActive',
  'outsideSupervision',
  'partnerArchived',
  'partnerNotActive',
  'serviceNotOffered',
  'noAgreement',
  /** The partner's agreement is signed but starts after the referral date (status belum_berlaku). */
  'agreementNotYetInForce',
  'agreementNotCovering',
] as const;
export type ReferralProblem = (typeof REFERRAL_PROBLEMS)[number];

/** Problems an admin's written override may set aside: the partner's standing and its agreement, never the client's. */
export const OVERRIDABLE: ReadonlySet<ReferralProblem> = new Set([
  'partnerNotActive',
  'serviceNotOffered',
  'noAgreement',
  'agreementNotYetInForce',
  'agreementNotCovering',
]);

/** The service code of community service: its referrals carry required hours and a log of hours worked. */
export const KERJA_SOSIAL = 'pidana_kerja_sosial';
