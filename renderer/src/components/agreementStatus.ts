import type { AgreementStatus } from '../../../shared/agreements';

export const AGREEMENT_STATUS_COLOR: Readonly<Record<AgreementStatus, string>> = {
  draf: 'gray',
  belum_berlaku: 'blue',
  aktif: 'teal',
  akan_berakhir: 'yellow',
  berakhir: 'red',
  dibatalkan: 'dark',
  rusak: 'orange',
};

/** The office number as the screens show it: a draft waiting for its number says when it comes. */
export const numberOrPending = (a: { readonly officeNumber: string | null }, t: (key: 'agreements.numberOnSigning') => string): string =>
  a.officeNumber ?? t('agreements.numberOnSigning');
