/**
 * Builds an office event by event through the services, on a clock set to each event's day
 * (10:00 WIB), for the report tests: whoever reads a test knows every record behind its figures.
 * Events must be given in the order of their days.
 */
import type { InputOf } from '../../shared/contract';
import { CLIENT, PARTNER, SETUP } from './fixtures';
import type { TestApp } from './app';

/**
 * Moves the office's clock to 10:00 WIB of `day` (never back: events of one day keep their
 * order), and unlocks the admin's session the jump of days has idle-locked.
 */
export async function at(app: TestApp, token: string, day: string): Promise<void> {
  const next = new Date(`${day}T03:00:00Z`);
  if (next <= app.clock.now) return;
  app.clock.now = next;
  await app.call('auth.unlock', { password: SETUP.admin.password }, token);
}

export class OfficeBuilder {
  private n = 0;
  constructor(
    readonly app: TestApp,
    readonly token: string,
  ) {}

  private on(day: string) {
    return at(this.app, this.token, day);
  }

  async partner(name: string, day: string, over: Partial<InputOf<'partners.create'>> = {}): Promise<string> {
    await this.on(day);
    const p = await this.app.call(
      'partners.create',
      {
        ...PARTNER,
        name,
        email: '',
        phone: '',
        status: 'aktif',
        statusDate: day,
        services: ['pelatihan_keterampilan', 'penyaluran_kerja', 'pidana_kerja_sosial'],
        confirmDuplicate: true,
        ...over,
      },
      this.token,
    );
    return p.id;
  }

  async partnerStatus(id: string, status: 'calon' | 'terverifikasi' | 'aktif' | 'nonaktif', day: string) {
    await this.on(day);
    await this.app.call('partners.setStatus', { id, status, date: day }, this.token);
  }

  /** A signed agreement covering the partner's usual services, from `start` for `months` months. */
  async agreement(partnerId: string, signedOn: string, start: string, months: number): Promise<string> {
    await this.on(signedOn);
    const a = await this.app.call(
      'agreements.create',
      {
        data: {
          partnerId,
          subject: 'Pembinaan Klien',
          signDate: signedOn,
          startDate: start,
          termMonths: months,
          bidang: ['kemandirian_kepribadian'],
          services: ['pelatihan_keterampilan', 'penyaluran_kerja', 'pidana_kerja_sosial'],
          officeSignatory: { name: 'Drs. Hendra Saputra', nip: '', position: 'Kepala Bapas' },
          partnerSignatory: { name: 'Pimpinan Mitra', position: 'Pimpinan' },
        },
        number: { mode: 'auto' },
      },
      this.token,
    );
    await this.app.call('agreements.sign', { id: a.id, signedOn }, this.token);
    return a.id;
  }

  async cancelAgreement(id: string, day: string) {
    await this.on(day);
    await this.app.call('agreements.cancel', { id, date: day, reason: 'Mitra tidak lagi bersedia' }, this.token);
  }

  async client(
    name: string,
    day: string,
    over: Partial<InputOf<'clients.create'>['data']> & { supervisionStart: string; supervisionEnd: string },
  ): Promise<string> {
    await this.on(day);
    this.n += 1;
    const c = await this.app.call(
      'clients.create',
      {
        data: { ...CLIENT, nik: '', name, registerNumber: `REG-${String(this.n).padStart(3, '0')}`, reportingFrom: over.supervisionStart, ...over },
        statusDate: day,
      },
      this.token,
    );
    return c.id;
  }

  async close(id: string, status: 'selesai' | 'dicabut' | 'pindah' | 'meninggal', day: string) {
    await this.on(day);
    await this.app.call('clients.setStatus', { id, status, date: day, reason: 'Sesuai keputusan' }, this.token);
  }

  async referral(clientId: string, partnerId: string, service: string, day: string, hoursRequired: number | null = null): Promise<string> {
    await this.on(day);
    const r = await this.app.call('referrals.create', { clientId, partnerId, service, date: day, hoursRequired }, this.token);
    return r.referral.id;
  }

  /** Walks a referral along diterima → berjalan → selesai (with its outcome) or to `dihentikan`, all on one day. */
  async referralTo(id: string, status: 'diterima' | 'berjalan' | 'selesai' | 'dihentikan' | 'ditolak', day: string, outcome: string | null = null) {
    await this.on(day);
    const path: Record<string, string[]> = {
      diterima: ['diterima'],
      ditolak: ['ditolak'],
      berjalan: ['diterima', 'berjalan'],
      selesai: ['diterima', 'berjalan', 'selesai'],
      dihentikan: ['diterima', 'dihentikan'],
    };
    let current = await this.app.call('referrals.get', { id }, this.token);
    for (const s of path[status]!) {
      if (current.status === s || (s === 'diterima' && current.status !== 'diusulkan') || (s === 'berjalan' && current.status === 'berjalan')) continue;
      current = await this.app.call(
        'referrals.setStatus',
        {
          id,
          expectedUpdatedAt: current.updatedAt,
          status: s as 'diterima',
          date: day,
          note: 'Sesuai laporan mitra',
          outcome: s === status ? (outcome as 'bekerja' | null) : null,
        },
        this.token,
      );
    }
  }

  async hours(referralId: string, day: string, hours: number) {
    await this.on(day);
    await this.app.call('referrals.addHours', { referralId, date: day, hours, signedBy: 'Ketua RT' }, this.token);
  }

  async checkin(clientId: string, day: string, kind: 'hadir' | 'jarak_jauh' | 'kunjungan_rumah' = 'hadir') {
    await this.on(day);
    await this.app.call('checkins.record', { clientId, date: day, kind, reason: kind === 'jarak_jauh' ? 'Sakit' : '' }, this.token);
  }

  async activity(day: string, type: string, bidang: 'kemandirian_kepribadian' | 'hukum_kemasyarakatan' | null, participants: [string, boolean][]) {
    await this.on(day);
    await this.app.call(
      'activities.create',
      {
        date: day,
        type: type as 'pelatihan',
        bidang,
        title: `Kegiatan ${type} ${day}`,
        participants: participants.map(([clientId, attended]) => ({ clientId, attended })),
      },
      this.token,
    );
  }

  async pokmas(name: string, bidang: 'kemandirian_kepribadian' | 'hukum_kemasyarakatan', day: string) {
    await this.on(day);
    await this.app.call('pokmas.create', { name, bidang }, this.token);
  }
}
