import { BackupsPage } from '../pages/backups/BackupsPage';
import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Route, Router, Switch } from 'wouter';
import { AppError } from '../../../shared/errors';
import { LeaveGuardHost, useGuardedHashLocation } from '../components/leaveGuard';
import { NotFound } from '../components/NotFound';
import { useI18n } from '../i18n';
import { ActivityDetail } from '../pages/activities/ActivityDetail';
import { ActivityEditor } from '../pages/activities/ActivityEditor';
import { ActivityList } from '../pages/activities/ActivityList';
import { AgreementDetail } from '../pages/agreements/AgreementDetail';
import { AgreementEditor } from '../pages/agreements/AgreementEditor';
import { AgreementList } from '../pages/agreements/AgreementList';
import { TemplatesPage } from '../pages/agreements/TemplatesPage';
import { VerifyPage } from '../pages/VerifyPage';
import { AuditPage } from '../pages/AuditPage';
import { ReceivePage } from '../pages/bundles/ReceivePage';
import { SendPage } from '../pages/bundles/SendPage';
import { ClientDetail } from '../pages/clients/ClientDetail';
import { ClientEditor } from '../pages/clients/ClientEditor';
import { ClientList } from '../pages/clients/ClientList';
import { ImportPage } from '../pages/clients/ImportPage';
import { ReportingPage } from '../pages/clients/ReportingPage';
import { Home } from '../pages/Home';
import { KeysPage } from '../pages/KeysPage';
import { Login } from '../pages/Login';
import { PartnerDetail } from '../pages/partners/PartnerDetail';
import { PartnerEditor } from '../pages/partners/PartnerEditor';
import { PartnerList } from '../pages/partners/PartnerList';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { PokmasPage } from '../pages/PokmasPage';
import { RegistersPage } from '../pages/RegistersPage';
import { ReferralRegister } from '../pages/referrals/ReferralRegister';
import { ReferralDetail } from '../pages/referrals/ReferralDetail';
import { ReferralForm } from '../pages/referrals/ReferralForm';
import { SettingsPage } from '../pages/SettingsPage';
import { RecoveryScreen } from '../pages/RecoveryScreen';
import { SetupWizard } from '../pages/SetupWizard';
import { UsersPage } from '../pages/UsersPage';
import { call } from '../rpc';
import { LockOverlay } from './LockOverlay';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';

function Gate() {
  const { t } = useI18n();
  const session = useSession();
  const status = useQuery({ queryKey: ['app.status'], queryFn: () => call('app.status', {}) });
  const [notice, setNotice] = useState<string>();

  if (status.isPending || session.checking) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.isError) {
    const e = status.error;
    return (
      <Center mih="100vh">
        <Alert color="red" title={t('common.errorTitle')}>
          {e instanceof AppError ? t(e.message, e.params) : t('rpc.offline')}
        </Alert>
      </Center>
    );
  }
  if (status.data.recovery) {
    return (
      <RecoveryScreen
        state={status.data.recovery}
        onRestored={() => {
          setNotice(t('recovery.restored'));
          void status.refetch();
        }}
      />
    );
  }
  if (!status.data.setupDone) {
    return (
      <SetupWizard
        onDone={() => {
          setNotice(t('setup.done'));
          void status.refetch();
        }}
      />
    );
  }
  if (!session.user) return <Login officeName={status.data.officeName} timeZone={status.data.timeZone} notice={notice} />;
  return (
    <>
      <Shell officeName={status.data.officeName ?? ''}>
        <Switch>
          <Route path="/" component={Home} />
          <Route path="/mitra" component={PartnerList} />
          <Route path="/mitra/baru">{() => <PartnerEditor id={null} />}</Route>
          <Route path="/mitra/:id/ubah">{(p) => <PartnerEditor id={p.id} />}</Route>
          <Route path="/mitra/:id">{(p) => <PartnerDetail id={p.id} />}</Route>
          <Route path="/klien" component={ClientList} />
          <Route path="/klien/baru">{() => <ClientEditor id={null} />}</Route>
          <Route path="/klien/impor" component={ImportPage} />
          <Route path="/klien/:id/ubah">{(p) => <ClientEditor id={p.id} />}</Route>
          <Route path="/klien/:id/rujuk">{(p) => <ReferralForm clientId={p.id} />}</Route>
          <Route path="/wajib-lapor" component={ReportingPage} />
          <Route path="/wajib-lapor/agenda" component={ReportingPage} />
          <Route path="/kegiatan" component={ActivityList} />
          <Route path="/kegiatan/baru">{() => <ActivityEditor id={null} />}</Route>
          <Route path="/kegiatan/:id/ubah">{(p) => <ActivityEditor id={p.id} />}</Route>
          <Route path="/kegiatan/:id">{(p) => <ActivityDetail id={p.id} />}</Route>
          <Route path="/rujukan" component={ReferralRegister} />
          <Route path="/rujukan/:id">{(p) => <ReferralDetail id={p.id} />}</Route>
          <Route path="/klien/:id">{(p) => <ClientDetail id={p.id} />}</Route>
          <Route path="/pks" component={AgreementList} />
          <Route path="/pks/baru">{() => <AgreementEditor id={null} />}</Route>
          <Route path="/pks/templat" component={TemplatesPage} />
          <Route path="/pks/:id/ubah">{(p) => <AgreementEditor id={p.id} />}</Route>
          <Route path="/pks/:id">{(p) => <AgreementDetail id={p.id} />}</Route>
          <Route path="/pokmas" component={PokmasPage} />
          <Route path="/laporan" component={ReportsPage} />
          <Route path="/buku-register" component={RegistersPage} />
          <Route path="/verifikasi" component={VerifyPage} />
          <Route path="/pengguna" component={UsersPage} />
          <Route path="/audit" component={AuditPage} />
          <Route path="/pengaturan" component={SettingsPage} />
          <Route path="/pengaturan/cadangan" component={BackupsPage} />
          <Route path="/kunci" component={KeysPage} />
          <Route path="/kirim" component={SendPage} />
          <Route path="/terima" component={ReceivePage} />
          <Route component={NotFound} />
        </Switch>
      </Shell>
      <LockOverlay />
      <LeaveGuardHost />
    </>
  );
}

export function App() {
  return (
    <Router hook={useGuardedHashLocation}>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </Router>
  );
}
