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
