/**
 * The letterhead (kop surat) text, built in one place from the office settings: the printed
 * documents (PKS, surat pengantar) and the previews in the setup wizard and Pengaturan all take
 * their lines from here, so what the preview shows is what prints.
 */
export interface KopSource {
  readonly letterhead: readonly string[];
  readonly kanwil: string;
  readonly name: string;
  readonly address: string;
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
}

export interface Kop {
  /** Bold lines, top to bottom: the ministry lines as typed, then the Kantor Wilayah and the office in capitals. */
  readonly lines: readonly string[];
  /** Smaller lines under them: the address and, when given, the phone and e-mail. */
  readonly small: readonly string[];
}

/** Two kop lines are the same line when they differ only in case and spacing. */
const sameLine = (s: string) =>
  s
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleUpperCase('id-ID')
    .replace(/[.,;:]+$/, '');

/**
 * The Kantor Wilayah and the office name close the kop; an officer who also typed them among the
 * kop lines (as a letterhead is usually written out whole) gets each line once, where it was typed.
 */
export function officeKop(office: KopSource): Kop {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const l of [...office.letterhead, office.kanwil.toLocaleUpperCase('id-ID'), office.name.toLocaleUpperCase('id-ID')]) {
    const key = sameLine(l);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    lines.push(l.trim());
  }
  const phone = office.phone?.trim() ?? '';
  const email = office.email?.trim() ?? '';
  const contact = [phone && `Telepon ${phone}`, email && `Pos-el ${email}`].filter(Boolean).join(', ');
  return { lines, small: [office.address.trim(), contact].filter(Boolean) };
}
