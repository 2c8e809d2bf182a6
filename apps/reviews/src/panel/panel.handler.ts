import { type PanelBody, panelGet, panelPut } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { PanelService } from './panel.service';

@Controller()
export class PanelHandler {
  constructor(private readonly panels: PanelService) {}

  @Handles(panelGet)
  get(request: { stageId: string }) {
    return this.panels.get(request.stageId);
  }

  @Handles(panelPut)
  put(request: { stageId: string; panel: PanelBody }) {
    return this.panels.put(request.stageId, request.panel);
  }
}
