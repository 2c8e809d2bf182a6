import {
  materialDownload,
  materialList,
  materialRemove,
  materialReplace,
  materialStateSecretStatement,
  materialUpload,
  type ParsedRequestOf,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { MaterialService } from './material.service';

@Controller()
export class MaterialHandler {
  constructor(private readonly materials: MaterialService) {}

  @Handles(materialUpload)
  upload(request: ParsedRequestOf<typeof materialUpload>) {
    const { applicationId, ...body } = request;
    return this.materials.upload(applicationId, body);
  }

  @Handles(materialReplace)
  replace(request: ParsedRequestOf<typeof materialReplace>) {
    const { applicationId, materialId, ...body } = request;
    return this.materials.replace(applicationId, materialId, body);
  }

  @Handles(materialRemove)
  remove(request: ParsedRequestOf<typeof materialRemove>) {
    return this.materials.remove(request.applicationId, request.materialId);
  }

  @Handles(materialList)
  list(request: ParsedRequestOf<typeof materialList>) {
    return this.materials.list(request.applicationId);
  }

  @Handles(materialDownload)
  download(request: ParsedRequestOf<typeof materialDownload>) {
    return this.materials.download(request.applicationId, request.materialId, request.version);
  }

  @Handles(materialStateSecretStatement)
  stateSecretStatement(request: ParsedRequestOf<typeof materialStateSecretStatement>) {
    return this.materials.stateSecretStatement(request.applicationId);
  }
}
