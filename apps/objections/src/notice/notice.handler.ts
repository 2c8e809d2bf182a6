import {
  type NoticeOpenBody,
  noticeEntryState,
  noticeGet,
  noticeGetPublic,
  noticeList,
  noticeListPublic,
  noticeOpen,
  noticeWithdraw,
  type RequestOf,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { NoticeService } from './notice.service';

@Controller()
export class NoticeHandler {
  constructor(private readonly notices: NoticeService) {}

  @Handles(noticeOpen)
  open(request: NoticeOpenBody) {
    return this.notices.open(request);
  }

  @Handles(noticeWithdraw)
  withdraw(request: RequestOf<typeof noticeWithdraw>) {
    return this.notices.withdraw(request.id, request.reason);
  }

  @Handles(noticeGet)
  get(request: { id: string }) {
    return this.notices.get(request.id);
  }

  @Handles(noticeEntryState)
  entryState(request: { entryId: string }) {
    return this.notices.entryState(request.entryId);
  }

  @Handles(noticeList)
  list(request: RequestOf<typeof noticeList>) {
    return this.notices.list(request);
  }

  @Handles(noticeListPublic)
  listPublic() {
    return this.notices.listPublic();
  }

  @Handles(noticeGetPublic)
  getPublic(request: { id: string }) {
    return this.notices.getPublic(request.id);
  }
}
