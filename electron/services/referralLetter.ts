import { AppError } from '../../shared/errors';
import { formatDate, formatPlaceDate } from '../../shared/format';
import { clientById } from '../../db/repositories/clients';
import { partnerById } from '../../db/repositories/partners';
import { listServiceTypes } from '../../db/repositories/pickLists';
import type { ReferralDbRow } from '../../db/repositories/referrals';
import type { AppContext } from './context';
import { kopOf } from './documents/kop';
import type { DocumentModel, Paper } from './documents/model';
import { logoImage, officeSettings } from './settings';

function serviceName(ctx: AppContext, code: string): string {
  return listServiceTypes(ctx.db).find((s) => s.code === code)?.label_id ?? code;
}

/** The referral cover letter (surat pengantar): from the office to the partner, introducing the client. */
export function referralLetter(ctx: AppContext, r: ReferralDbRow, paper: Paper): DocumentModel {
  const office = officeSettings(ctx);
  if (!office) throw new AppError('SETUP_REQUIRED', 'setup.required');
  const client = clientById(ctx.db, r.client_id)!;
  const partner = partnerById(ctx.db, r.partner_id)!;
  const logo = logoImage(ctx);
  const service = serviceName(ctx, r.service);
  return {
    paper,
    layout: 'letter',
    logo: logo && { mime: logo.mime, base64: logo.base64, width: logo.width, height: logo.height },
    ...kopOf(office),
    title: [],
    dateLine: formatPlaceDate(office.city, r.date),
    numbers: [
      { label: 'Nomor', value: r.letter_number },
      { label: 'Sifat', value: 'Biasa' },
      { label: 'Lampiran', value: '-' },
      { label: 'Hal', value: `Penyaluran Klien Pemasyarakatan untuk ${service}` },
    ],
    recipient: ['Yth. Pimpinan', partner.name, ...(partner.address ? [partner.address] : []), 'di tempat'],
    paragraphs: [
      `Sehubungan dengan Perjanjian Kerja Sama antara ${office.name} dan ${partner.name}${r.agreement_number ? ` Nomor ${r.agreement_number}` : ''}, bersama ini kami menyalurkan Klien Pemasyarakatan berikut untuk mengikuti ${service.toLowerCase()}:`,
    ],
    fields: [
      { label: 'Nama', value: client.name },
      { label: 'Nomor register', value: client.register_number },
      { label: 'Program', value: PROGRAM_NAMES[client.program] ?? client.program },
      { label: 'Masa bimbingan', value: `${formatDate(client.supervision_start)} s.d. ${formatDate(client.supervision_end)}` },
      { label: 'Layanan', value: service },
      ...(r.hours_required ? [{ label: 'Jam kerja sosial', value: `${r.hours_required} jam` }] : []),
      ...(r.goal ? [{ label: 'Tujuan', value: r.goal }] : []),
      { label: 'Pembimbing Kemasyarakatan', value: r.pk_name ?? '-' },
    ],
    sections: [],
    closing: [
      'Kami mohon kiranya Saudara berkenan menerima dan membimbing Klien tersebut serta menyampaikan perkembangannya kepada kami. Atas perhatian dan kerja samanya, kami ucapkan terima kasih.',
    ],
    signatures: [
      {
        role: office.headPosition || `Kepala ${office.name}`,
        organisation: '',
        name: office.headName || '……………………………',
        nip: office.headNip,
        position: '',
        materai: false,
      },
    ],
    footerNote: r.letter_number,
  };
}

const PROGRAM_NAMES: Readonly<Record<string, string>> = {
  pb: 'Pembebasan Bersyarat',
  cb: 'Cuti Bersyarat',
  cmb: 'Cuti Menjelang Bebas',
  asimilasi: 'Asimilasi',
  pidana_bersyarat: 'Pidana Bersyarat',
  pidana_kerja_sosial: 'Pidana Kerja Sosial',
  diversi: 'Diversi',
  pengawasan_lain: 'Pengawasan lainnya',
};
