import { runService } from '@laurel/platform';
import { applicationsService } from './applications.service-definition';

void runService(applicationsService());
