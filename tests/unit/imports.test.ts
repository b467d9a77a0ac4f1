import { describe, expect, it } from 'vitest';
import { detectHeader, excelSerialToDate, readDateCell, readNikCell, readProgramCell, readSexCell, splitPlaceAndDate } from '../../shared/imports';

describe('spreadsheet dates', () => {
  it('read every way an office writes a date', () => {
    expect(readDateCell('2025-03-05')).toEqual({ date: '2025-03-05', ambiguous: false });
    expect(readDateCell('05-03-2025')).toEqual({ date: '2025-03-05', ambiguous: true });
    expect(readDateCell('5/3/2025')).toEqual({ date: '2025-03-05', ambiguous: true });
    expect(readDateCell('25/3/2025')).toEqual({ date: '2025-03-25', ambiguous: false });
    expect(readDateCell('5.3.2025')).toEqual({ date: '2025-03-05', ambiguous: true });
    expect(readDateCell('5 Maret 2025')).toEqual({ date: '2025-03-05', ambiguous: false });
    expect(readDateCell('17 Agustus 1945')).toEqual({ date: '1945-08-17', ambiguous: false });
    expect(readDateCell('5 Mar 2025')).toEqual({ date: '2025-03-05', ambiguous: false });
    expect(readDateCell('5 Nopember 2025')).toEqual({ date: '2025-11-05', ambiguous: false });
    expect(readDateCell(45721)).toEqual({ date: '2025-03-05', ambiguous: false }); // Excel serial
    expect(readDateCell('45721')).toEqual({ date: '2025-03-05', ambiguous: false });
    expect(readDateCell(new Date(Date.UTC(2025, 2, 5)))).toEqual({ date: '2025-03-05', ambiguous: false });
    // Same day and month cannot be misread; a two-digit year can.
    expect(readDateCell('03/03/2025')).toEqual({ date: '2025-03-03', ambiguous: false });
    expect(readDateCell('25/03/25')).toEqual({ date: '2025-03-25', ambiguous: true });
  });

  it('refuse what is not a calendar date', () => {
    for (const bad of ['31-02-2025', '2025-02-30', '32 Maret 2025', '5 Maret', 'besok', '13/13/2025', -4, 0])
      expect(readDateCell(bad)).toEqual({ error: 'date' });
    expect(readDateCell(null)).toBeNull();
    expect(readDateCell('')).toBeNull();
  });

  it('count Excel serials from 30 December 1899', () => {
    expect(excelSerialToDate(1)).toBe('1899-12-31');
    expect(excelSerialToDate(60)).toBe('1900-02-28');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45352)).toBe('2024-03-01');
    expect(excelSerialToDate(45351)).toBe('2024-02-29');
  });
});

describe('spreadsheet NIKs', () => {
  it('take a NIK written as text, with or without spaces or a leading apostrophe', () => {
    expect(readNikCell('1702091503850001')).toEqual({ nik: '1702091503850001' });
    expect(readNikCell("'1702091503850001")).toEqual({ nik: '1702091503850001' });
    expect(readNikCell('1702 0915 0385 0001')).toEqual({ nik: '1702091503850001' });
  });

  it('flag a NIK that Excel stored as a number as damaged, never guessing the lost digit', () => {
    expect(readNikCell(1702091503850000)).toEqual({ error: 'nikDamaged' });
    expect(readNikCell(3.20123e15)).toEqual({ error: 'nikDamaged' });
    expect(readNikCell('3.20123E+15')).toEqual({ error: 'nikDamaged' });
    expect(readNikCell('3,20123E+15')).toEqual({ error: 'nikDamaged' });
    expect(readNikCell('1,70209E+15')).toEqual({ error: 'nikDamaged' });
    expect(readNikCell('1702093102850001')).toEqual({ error: 'nikInvalid' }); // 31 February
    expect(readNikCell('')).toBeNull();
  });
});

describe('spreadsheet headers and values', () => {
  it('find the header row under a title and map Indonesian headers', () => {
    const rows = [
      ['DAFTAR KLIEN POS BAPAS CURUP'],
      [],
      ['No', 'No. Register', 'Nama', 'NIK', 'Tempat/Tgl Lahir', 'Jenis Kelamin', 'Program', 'Tgl Mulai Bimbingan', 'Tgl Akhir Bimbingan', 'Nama Penjamin'],
      [1, 'PB-1', 'Budi'],
    ];
    expect(detectHeader(rows)).toEqual({
      row: 2,
      headers: rows[2],
      mapping: { registerNumber: 1, name: 2, nik: 3, placeAndDate: 4, sex: 5, program: 6, supervisionStart: 7, supervisionEnd: 8, guarantorName: 9 },
    });
    expect(
      detectHeader([
        ['Kolom A', 'Kolom B'],
        [1, 2],
      ]),
    ).toBeNull();
  });

  it('read sex, programme and place-and-date cells', () => {
    expect(['L', 'Laki-laki', 'pria', 'P', 'Perempuan', 'wanita', 'x'].map((s) => readSexCell(s))).toEqual(['L', 'L', 'L', 'P', 'P', 'P', null]);
    expect(['PB', 'Cuti Bersyarat', 'CMB', 'Asimilasi', 'Pidana Kerja Sosial', 'Diversi', '??'].map((s) => readProgramCell(s))).toEqual([
      'pb',
      'cb',
      'cmb',
      'asimilasi',
      'pidana_kerja_sosial',
      'diversi',
      null,
    ]);
    expect(splitPlaceAndDate('Curup, 15-03-1985')).toEqual({ place: 'Curup', date: '15-03-1985' });
    expect(splitPlaceAndDate('Rejang Lebong / 15 Maret 1985')).toEqual({ place: 'Rejang Lebong', date: '15 Maret 1985' });
    expect(splitPlaceAndDate('Curup')).toEqual({ place: 'Curup', date: null });
  });
});
