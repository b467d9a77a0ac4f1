import { fillPlaceholders, placeholderValues } from '../../../shared/agreementTemplate';
import { formatDate } from '../../../shared/format';
import { openingDateSentence } from '../../../shared/terbilang';
import type { Agreement, OfficeSettings } from '../../../shared/types';
import { kopOf } from './kop';
import type { DocumentModel, Paper } from './model';

/** Splits body text into paragraphs on blank lines or single line breaks typed by the officer. */
const paragraphsOf = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** A pasal that already states the copies and their equal force, as the first standard template's Penutup did. */
const STATES_COPIES = /rangkap[\s\S]*kekuatan hukum yang sama/i;

/**
 * "Demikian …": says how many copies were made, unless a pasal already does (agreements drafted
 * from the earlier standard template, or an office's own wording), so the PKS says it once.
 */
function closingSentence(articleBodies: readonly string[]): string {
  const made = 'Demikian Perjanjian Kerja Sama ini dibuat dan ditandatangani oleh PARA PIHAK pada hari dan tanggal tersebut di atas';
  return articleBodies.some((b) => STATES_COPIES.test(b))
    ? `${made}.`
    : `${made}, dalam rangkap 2 (dua) yang masing-masing mempunyai kekuatan hukum yang sama.`;
}

/** The PKS as a document: kop, title block, both numbers, spelled-out opening, parties, pasal, signatures. */
export function buildPksDocument(
  a: Agreement,
  office: OfficeSettings,
  partner: { name: string; address: string; serviceNames: readonly string[] },
  paper: Paper,
  logo: DocumentModel['logo'] = null,
): DocumentModel {
  const values = placeholderValues({
    ...a,
    officeNumber: a.officeNumber ?? '',
    partnerName: partner.name,
    officeName: office.name,
    serviceNames: partner.serviceNames,
  });
  const fill = (text: string) => fillPlaceholders(text, values);
  const opening = `${openingDateSentence(a.signDate)}, bertempat di ${a.signPlace || office.city}, yang bertanda tangan di bawah ini:`;
  return {
    paper,
    layout: 'agreement',
    logo,
    ...kopOf(office),
    title: ['PERJANJIAN KERJA SAMA', 'ANTARA', office.name.toUpperCase(), 'DENGAN', partner.name.toUpperCase(), 'TENTANG', a.subject.toUpperCase()],
    numbers: [
      // A draft's number is given when it is signed: a dotted blank until then, like the partner's.
      { label: 'Nomor', value: a.officeNumber ?? '…………………………' },
      { label: 'Nomor', value: a.partnerNumber || '…………………………' },
    ],
    paragraphs: [
      opening,
      `1. ${a.officeSignatory.name}, ${a.officeSignatory.position}, dalam hal ini bertindak untuk dan atas nama ${office.name}, berkedudukan di ${office.address}, selanjutnya disebut PIHAK PERTAMA;`,
      `2. ${a.partnerSignatory.name}, ${a.partnerSignatory.position}, dalam hal ini bertindak untuk dan atas nama ${partner.name}${partner.address ? `, berkedudukan di ${partner.address}` : ''}, selanjutnya disebut PIHAK KEDUA.`,
      'PIHAK PERTAMA dan PIHAK KEDUA yang selanjutnya secara bersama-sama disebut PARA PIHAK, dengan memperhatikan:',
      ...a.legalBases.map((b, i) => `${i + 1}. ${fill(b)};`),
      `sepakat untuk mengadakan Perjanjian Kerja Sama yang berlaku sejak tanggal ${formatDate(a.startDate)} sampai dengan tanggal ${formatDate(a.endDate)}, dengan ketentuan sebagai berikut:`,
    ],
    sections: a.articles.map((p, i) => ({ number: `Pasal ${i + 1}`, heading: fill(p.heading), body: paragraphsOf(fill(p.body)) })),
    closing: [...(a.funding ? [`Pembiayaan: ${fill(a.funding)}`] : []), closingSentence(a.articles.map((p) => p.body))],
    signatures: [
      { role: 'PIHAK KEDUA', organisation: partner.name, name: a.partnerSignatory.name, nip: '', position: a.partnerSignatory.position, materai: true },
      {
        role: 'PIHAK PERTAMA',
        organisation: office.name,
        name: a.officeSignatory.name,
        nip: a.officeSignatory.nip,
        position: a.officeSignatory.position,
        materai: false,
      },
    ],
    footerNote: a.officeNumber ?? '',
  };
}
