import { useParams } from 'react-router';
import { QueryState } from '../shared/query-state';
import { NoticeList } from './notice-list';
import { ProgrammeSummary } from './programme-summary';
import { useProgramme } from './use-programme';

/** A jurisdiction's public home: its open and recent notices, then its award and regulation. */
export function ProgrammePage() {
  const { tenantKey = '' } = useParams();
  const programme = useProgramme(tenantKey);
  return (
    <>
      <NoticeList tenantKey={tenantKey} />
      <QueryState loading={programme.isLoading} error={programme.error}>
        {() => programme.data && <ProgrammeSummary programme={programme.data} />}
      </QueryState>
    </>
  );
}
