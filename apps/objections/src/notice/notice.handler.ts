import {
  type NoticeOpenBody,
  noticeEntryState,
  noticeGet,
  noticeGetPublic,
  noticeList,
  noticeListPublic,
  noticeOpen,
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

  @Handles(noticeGet)
  get(request: { id: string }) {
    return this.notices.get(request.id);
  }

  @Handles(noticeEntryState)
  entryState(request: { entryId: string }) {
    return this.notices.entryState(request.entryId);
  }

  @Handles(noticeList)
  list(request: { status?: 'scheduled' | 'open' | 'closed' }) {
    return this.notices.list(request.status);
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
