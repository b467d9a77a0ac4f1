import { describe, expect, it } from 'vitest';
import { officeKop } from '../../shared/kop';

const OFFICE = {
  letterhead: ['KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA', 'DIREKTORAT JENDERAL PEMASYARAKATAN'],
  kanwil: 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan Bengkulu',
  name: 'Pos Bapas Curup',
  address: 'Jl. S. Sukowati No. 1, Curup',
};

describe('officeKop', () => {
  it('closes the typed lines with the Kantor Wilayah and the office in capitals', () => {
    expect(officeKop(OFFICE)).toEqual({
      lines: [...OFFICE.letterhead, 'KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN BENGKULU', 'POS BAPAS CURUP'],
      small: ['Jl. S. Sukowati No. 1, Curup'],
    });
  });

  it('keeps a line typed twice once, however its case, spacing or final full stop differ', () => {
    const kop = officeKop({
      ...OFFICE,
      letterhead: [
        ...OFFICE.letterhead,
        'KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN BENGKULU.',
        '  pos bapas   curup ',
        '',
        'DIREKTORAT JENDERAL PEMASYARAKATAN',
      ],
    });
    expect(kop.lines).toEqual([...OFFICE.letterhead, 'KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN BENGKULU.', 'pos bapas   curup']);
  });

  it('adds the phone and e-mail under the address only when given', () => {
    expect(officeKop({ ...OFFICE, phone: '(0732) 21234', email: '' }).small).toEqual(['Jl. S. Sukowati No. 1, Curup', 'Telepon (0732) 21234']);
    expect(officeKop({ ...OFFICE, phone: ' ', email: 'pos@example.go.id' }).small).toEqual(['Jl. S. Sukowati No. 1, Curup', 'Pos-el pos@example.go.id']);
  });
});
