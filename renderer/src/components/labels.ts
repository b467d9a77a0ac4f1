import { BIDANG, PARTNER_CATEGORIES, PARTNER_STATUSES } from '../../../shared/domain';
import { CLIENT_STANDINGS, CLIENT_STATUSES, PROGRAMS, type ClientStanding } from '../../../shared/clients';
import type { ServiceType } from '../../../shared/types';
import type { useI18n } from '../i18n';

type T = ReturnType<typeof useI18n>['t'];

/** Select options for the closed vocabularies, labelled in the current language. */
export const categoryOptions = (t: T) => PARTNER_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }));
export const bidangOptions = (t: T) => BIDANG.map((b) => ({ value: b, label: t(`bidang.${b}`) }));
export const statusOptions = (t: T) => PARTNER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
export const serviceLabel = (s: ServiceType, locale: 'id' | 'en') => (locale === 'en' ? s.labelEn : s.labelId);

export const STATUS_COLOR = { calon: 'gray', terverifikasi: 'blue', aktif: 'teal', nonaktif: 'orange' } as const;

export const programOptions = (t: T) => PROGRAMS.map((p) => ({ value: p, label: t(`program.${p}`) }));
export const clientStatusOptions = (t: T) => CLIENT_STATUSES.map((s) => ({ value: s, label: t(`clientStatus.${s}`) }));
export const CLIENT_STATUS_COLOR = { aktif: 'teal', selesai: 'blue', dicabut: 'red', pindah: 'gray', meninggal: 'dark', berakhir: 'orange' } as const;
/** A client's standing (shared/clients.ts): the stored status, or "masa berakhir, belum ditutup". */
export const clientStandingLabel = (t: T, s: ClientStanding) => (s === 'berakhir' ? t('clientStanding.berakhir') : t(`clientStatus.${s}`));
/** The client list's status filter: aktif (under supervision), berakhir (open records past their end), and the closed statuses. */
export const clientStandingOptions = (t: T) => CLIENT_STANDINGS.map((s) => ({ value: s, label: clientStandingLabel(t, s) }));
export const REFERRAL_STATUS_COLOR = { diusulkan: 'gray', diterima: 'blue', ditolak: 'red', berjalan: 'teal', selesai: 'green', dihentikan: 'orange' } as const;
