import { objectionContactReveal } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ObjectionContactService } from './objection-contact.service';

@Controller()
export class ObjectionContactHandler {
  constructor(private readonly contacts: ObjectionContactService) {}

  @Handles(objectionContactReveal)
  reveal(request: { id: string; reason: string }) {
    return this.contacts.reveal(request.id, request.reason);
  }
}
