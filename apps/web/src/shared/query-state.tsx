import { Alert, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/language-context';

/** A query's loading skeleton or its problem (in the page's language), else the content. */
export function QueryState(props: { loading: boolean; error: unknown; children: () => ReactNode }) {
  const t = useT();
  if (props.loading) return <Skeleton active />;
  if (props.error) {
    return (
      <Alert
        type="error"
        showIcon
        title={t({ zh: '无法读取', en: 'Could not load' })}
        description={props.error instanceof Error ? props.error.message : String(props.error)}
      />
    );
  }
  return <>{props.children()}</>;
}
