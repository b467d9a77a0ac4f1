import { actorOf, type AppContext, type HandlersOf } from '../context';
import { deliverBook, requireOffice } from './book';
import { clientRegisterBook, klaperBook } from './clientBooks';
import { overdueBook, partnerRegisterBook, referralRegisterBook } from './listBooks';
import { activityReportBook, attendanceBook, checkinCardBook } from './recordBooks';

type BookMethod =
  | 'registers.clients'
  | 'registers.klaper'
  | 'registers.partners'
  | 'registers.referrals'
  | 'registers.overdue'
  | 'registers.checkinCard'
  | 'registers.attendance'
  | 'registers.activityReport';

/** The printed registers ("Buku register"): each builds its book from the list it prints, then one path prints or exports it. */
export function registerHandlers(ctx: AppContext): HandlersOf<BookMethod> {
  return {
    'registers.clients': async (input, call) => {
      requireOffice(ctx);
      const actor = actorOf(call);
      return deliverBook(ctx, actor, await clientRegisterBook(ctx, actor, input), input.paper, input.format);
    },
    'registers.klaper': async (input, call) => {
      requireOffice(ctx);
      const actor = actorOf(call);
      return deliverBook(ctx, actor, await klaperBook(ctx, actor, input), input.paper, input.format);
    },
    'registers.partners': async (input, call) => {
      requireOffice(ctx);
      return deliverBook(ctx, actorOf(call), await partnerRegisterBook(ctx, input), input.paper, input.format);
    },
    'registers.referrals': (input, call) => {
      requireOffice(ctx);
      return deliverBook(ctx, actorOf(call), referralRegisterBook(ctx, input), input.paper, input.format);
    },
    'registers.overdue': (input, call) => {
      requireOffice(ctx);
      return deliverBook(ctx, actorOf(call), overdueBook(ctx, input), input.paper, input.format);
    },
    'registers.checkinCard': async (input, call) => {
      requireOffice(ctx);
      const actor = actorOf(call);
      return deliverBook(ctx, actor, await checkinCardBook(ctx, actor, input.id), input.paper, input.format);
    },
    'registers.attendance': (input, call) => {
      requireOffice(ctx);
      return deliverBook(ctx, actorOf(call), attendanceBook(ctx, input.id), input.paper, input.format);
    },
    'registers.activityReport': (input, call) => {
      requireOffice(ctx);
      return deliverBook(ctx, actorOf(call), activityReportBook(ctx, input.id), input.paper, input.format);
    },
  };
}
