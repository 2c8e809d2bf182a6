import { storedFileGet } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { FileReadService } from './file-read.service';

@Controller()
export class FileHandler {
  constructor(private readonly files: FileReadService) {}

  @Handles(storedFileGet)
  get(request: { id: string }) {
    return this.files.read(request.id);
  }
}
